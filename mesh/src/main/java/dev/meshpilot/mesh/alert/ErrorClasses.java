package dev.meshpilot.mesh.alert;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The error class of an alert: the {@code error_class} label, else the {@code error_class} annotation (both
 * checked by the parser), else the first rule below that matches a word of the {@code alertname}, else of
 * the {@code summary} annotation, else {@code unknown}. Words are split at case changes and non-letters, so
 * {@code DatasetFreshnessSLOBreached} has the words dataset, freshness, slo, breached.
 */
final class ErrorClasses {
    static final String KEY = "error_class";

    private record Rule(String errorClass, Pattern word) {}

    private static final List<Rule> RULES = List.of(
            rule("schema_mismatch", "schemas?"),
            rule("upstream_late", "fresh|freshness|late|stale|staleness|delay|delayed|overdue|lag|lagging"),
            rule("null_explosion", "nulls?"),
            rule("duplicate_keys", "duplicates?|duplicated|dupes?"),
            rule("permissions", "permissions?|denied|unauthori[sz]ed|forbidden"),
            rule("infrastructure", "quota|oom|disk|memory|cpu|filesystem|evicted"));

    private ErrorClasses() {}

    static String of(Alert alert) {
        if (alert.label(KEY) != null) {
            return alert.label(KEY);
        }
        if (alert.annotation(KEY) != null) {
            return alert.annotation(KEY);
        }
        String byName = classify(alert.alertname());
        if (byName != null) {
            return byName;
        }
        String bySummary = classify(alert.annotation("summary"));
        return bySummary != null ? bySummary : "unknown";
    }

    /** The class of the first rule matching a word of {@code text}, or {@code null}. */
    static String classify(String text) {
        if (text == null) {
            return null;
        }
        String[] words = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .toLowerCase(Locale.ROOT)
                .split("[^a-z]+");
        for (Rule rule : RULES) {
            for (String word : words) {
                if (rule.word().matcher(word).matches()) {
                    return rule.errorClass();
                }
            }
        }
        return null;
    }

    private static Rule rule(String errorClass, String words) {
        return new Rule(errorClass, Pattern.compile(words));
    }
}
