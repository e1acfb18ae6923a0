package dev.meshpilot.mesh.migration;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Sample rows for the scratch database, generated from the contract: a property's {@code examples} first, else
 * values of its logical type and options (dates for date-shaped patterns, e-mail addresses for
 * {@code format: email}, one of its allowed values); keys unique; optional columns null one time in ten.
 * Deterministic for a seed.
 */
final class SampleRows {
    private SampleRows() {}

    static List<List<Object>> generate(List<Prop> props, int rows, long seed) {
        Random random = new Random(seed);
        List<List<Object>> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            List<Object> row = new ArrayList<>(props.size());
            for (Prop p : props) {
                row.add(value(p, i, random));
            }
            out.add(row);
        }
        return out;
    }

    /** Whether a quality rule bounds the column's nulls: generated rows then hold none. */
    private static boolean hasNullRule(Prop p) {
        for (var q : p.node().path("quality")) {
            if ("nullValues".equals(Docs.text(q, "metric")) || "nullValues".equals(Docs.text(q, "rule"))) {
                return true;
            }
        }
        return false;
    }

    /** A value of {@code p} for row {@code i}. */
    static Object value(Prop p, int i, Random random) {
        boolean key = p.primaryKey() || p.unique();
        if (!key && !p.required() && !hasNullRule(p) && random.nextInt(10) == 0) {
            return null;
        }
        List<String> allowed = p.allowedValues().stream()
                .filter(v -> !v.isEmpty() && !v.equals("null"))
                .toList();
        if (!key && !allowed.isEmpty()) {
            return allowed.get(random.nextInt(allowed.size()));
        }
        List<String> examples = p.examples();
        if (!key && !examples.isEmpty()) {
            return examples.get(random.nextInt(examples.size()));
        }
        String logical = SqlTypes.logical(p);
        String pattern = Docs.text(p.node().path("logicalTypeOptions"), "pattern");
        String format = Docs.text(p.node().path("logicalTypeOptions"), "format");
        LocalDate day = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(26_000));
        return switch (logical) {
            case "integer" -> key ? (long) i + 1 : (long) random.nextInt(1000);
            case "number" -> key ? (double) i + 1 : Math.round(random.nextDouble() * 100_000) / 100.0;
            case "boolean" -> random.nextBoolean() ? 1 : 0;
            case "date" -> day.toString();
            case "timestamp" ->
                LocalDateTime.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000), 0, ZoneOffset.UTC) + "Z";
            default -> {
                if (pattern != null && pattern.contains("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                    yield day.toString();
                }
                if ("email".equalsIgnoreCase(format)) {
                    yield "user" + i + "@example.invalid";
                }
                String name = p.name().toLowerCase(Locale.ROOT);
                yield key ? name.toUpperCase(Locale.ROOT).charAt(0) + "-" + (1_000_000 + i) : name + "-" + i;
            }
        };
    }
}
