package dev.meshpilot.mesh.incident;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sorts an error message or an alert name into an {@link ErrorClass}, by the words engines, frameworks and
 * alert rules use. Each rule has phrases (found anywhere in the lower-cased text, e.g. {@code unique
 * constraint}) and words (matched whole against the text split at case changes and non-letters, so
 * {@code DatasetFreshnessSLOBreached} has the words dataset, freshness, slo, breached). First rule that
 * matches wins, in the order below; no match is {@link ErrorClass#UNKNOWN}. Rules, not a model: the same text
 * always gets the same class. Thread-safe.
 *
 * <pre>{@code
 * ErrorClassifier.classify("NOT NULL constraint failed: customers.email");  // NULL_EXPLOSION
 * ErrorClassifier.classify("DatasetFreshnessSLOBreached");                   // UPSTREAM_LATE
 * }</pre>
 */
public final class ErrorClassifier {
    private record Rule(ErrorClass errorClass, Pattern phrase, Pattern word) {}

    private static final List<Rule> RULES = List.of(
            // quota and rate limits first: BigQuery reports them as 403 Forbidden, which is not a permission problem
            rule(
                    ErrorClass.INFRASTRUCTURE,
                    "quota exceeded|exceeded quota|rate ?limit exceeded|ratelimitexceeded",
                    null),
            rule(
                    ErrorClass.PERMISSIONS,
                    "permission|access denied|not authori[sz]ed|unauthori[sz]ed|forbidden|\\b403\\b"
                            + "|insufficient privilege",
                    "permissions?|denied|unauthori[sz]ed|forbidden"),
            rule(
                    ErrorClass.DUPLICATE_KEYS,
                    "duplicate|unique constraint|uniqueness|primary key violation|more than one row",
                    "duplicates?|duplicated|dupes?"),
            rule(
                    ErrorClass.SCHEMA_MISMATCH,
                    "schema|cannot resolve|given input columns|contractviolation|does not match contract"
                            + "|undeclared column|not declared|unexpected column|unknown column|no such column"
                            + "|column .* (not found|does not exist|missing)|type mismatch|cannot cast|incompatible type"
                            + "|unexpected field|missing field|contract check",
                    "schemas?"),
            rule(ErrorClass.NULL_EXPLOSION, "null value|not[- ]null|nulls?\\b|null rate|completeness", "nulls?"),
            rule(
                    ErrorClass.UPSTREAM_LATE,
                    "sensor|waiting for upstream|upstream .*(late|missing)|partition not found",
                    "fresh|freshness|late|stale|staleness|delay|delayed|overdue|lag|lagging"),
            rule(
                    ErrorClass.INFRASTRUCTURE,
                    "quota|out of memory|oom|memory|disk|no space|resources exceeded|timeout|timed out"
                            + "|connection|unavailable|node lost|executor lost|preempt|capacity|slot",
                    "quota|oom|disk|memory|cpu|filesystem|evicted"));

    private ErrorClassifier() {}

    /** The class of {@code text} (a message or an alert name); {@link ErrorClass#UNKNOWN} for none or blank. */
    public static ErrorClass classify(String text) {
        if (text == null || text.isBlank()) {
            return ErrorClass.UNKNOWN;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = Arrays.asList(text.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .toLowerCase(Locale.ROOT)
                .split("[^a-z]+"));
        for (Rule r : RULES) {
            if (r.phrase().matcher(lower).find()
                    || (r.word() != null
                            && words.stream().anyMatch(w -> r.word().matcher(w).matches()))) {
                return r.errorClass();
            }
        }
        return ErrorClass.UNKNOWN;
    }

    private static Rule rule(ErrorClass errorClass, String phrases, String words) {
        return new Rule(errorClass, Pattern.compile(phrases), words == null ? null : Pattern.compile(words));
    }
}
