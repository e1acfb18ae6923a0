package dev.meshpilot.evals.report;

import dev.meshpilot.evals.run.MetricSummary;
import dev.meshpilot.evals.run.VariantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An inline SVG bar chart: one row per metric, one bar per variant (0..1), a tick at the threshold. */
final class Chart {
    static final int LABEL = 170;
    static final int WIDTH = 560;
    static final int BAR = 12;

    private Chart() {}

    static String svg(List<VariantResult> variants, String[] colours) {
        List<String> metrics = new ArrayList<>();
        variants.forEach(v -> v.metrics().stream()
                .filter(m -> m.cases() > 0 || m.threshold() != null)
                .forEach(m -> {
                    if (!metrics.contains(m.metric())) {
                        metrics.add(m.metric());
                    }
                }));
        int row = BAR * variants.size() + 10;
        int height = metrics.size() * row + 30;
        StringBuilder s = new StringBuilder();
        s.append("<p class=legend>");
        for (int i = 0; i < variants.size(); i++) {
            s.append("<span><i class=sw style=\"background:")
                    .append(colours[i % colours.length])
                    .append("\"></i>")
                    .append(HtmlReport.esc(variants.get(i).variant()))
                    .append("</span>");
        }
        s.append("<span><i class=sw style=\"background:#b3261e;width:3px\"></i>threshold</span></p>");
        s.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"metrics\" font-size=\"12\">",
                LABEL + WIDTH + 60,
                height));
        for (int x = 0; x <= 4; x++) {
            int px = LABEL + WIDTH * x / 4;
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#777\">%.2f</text>",
                    px,
                    px,
                    height - 18,
                    px,
                    height - 4,
                    x / 4.0));
        }
        for (int i = 0; i < metrics.size(); i++) {
            String metric = metrics.get(i);
            int y = i * row + 4;
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    LABEL - 8,
                    y + row / 2 + 2,
                    HtmlReport.esc(metric)));
            Double threshold = null;
            for (int v = 0; v < variants.size(); v++) {
                Optional<MetricSummary> m = variants.get(v).metrics().stream()
                        .filter(x -> x.metric().equals(metric))
                        .findFirst();
                if (m.isEmpty() || m.get().cases() == 0) {
                    continue;
                }
                threshold = m.get().threshold();
                int w = (int) Math.round(WIDTH * m.get().mean());
                s.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s %s: %.3f</title></rect>"
                                + "<text x=\"%d\" y=\"%d\" fill=\"#333\">%.2f</text>",
                        LABEL,
                        y + v * BAR,
                        Math.max(w, 1),
                        BAR - 2,
                        colours[v % colours.length],
                        HtmlReport.esc(variants.get(v).variant()),
                        HtmlReport.esc(metric),
                        m.get().mean(),
                        LABEL + Math.max(w, 1) + 4,
                        y + v * BAR + BAR - 3,
                        m.get().mean()));
            }
            if (threshold != null) {
                int tx = LABEL + (int) Math.round(WIDTH * threshold);
                s.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b3261e\" stroke-width=\"3\"><title>threshold %.2f</title></line>",
                        tx,
                        y - 2,
                        tx,
                        y + BAR * variants.size(),
                        threshold));
            }
        }
        return s.append("</svg>").toString();
    }
}
