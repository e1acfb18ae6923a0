package dev.meshpilot.agents.anomalies;

import java.util.List;

/** A small text sparkline of values ({@code ▁▂▃▄▅▆▇█}), scaled between their minimum and maximum. */
final class Sparkline {
    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {}

    static String of(List<Double> values) {
        if (values.isEmpty()) {
            return "";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            int i = max == min ? 3 : (int) Math.round((v - min) / (max - min) * (BARS.length - 1));
            s.append(BARS[Math.max(0, Math.min(BARS.length - 1, i))]);
        }
        return s.toString();
    }
}
