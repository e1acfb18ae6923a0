package dev.meshpilot.agents.triage;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sorts a failure's error message into a class, by the words engines and frameworks use: schema and type
 * errors, duplicates, nulls, resources and quotas, permissions. First match wins, in the order below; no match
 * is {@code unknown}. Rules, not a model: the same message always gets the same class.
 */
final class ErrorClassifier {
    private record Rule(String errorClass, Pattern pattern) {}

    private static final List<Rule> RULES = List.of(
            // quota and rate limits first: BigQuery reports them as 403 Forbidden, which is not a permission problem
            rule("infrastructure", "quota exceeded|exceeded quota|rate ?limit exceeded|ratelimitexceeded"),
            rule(
                    "permissions",
                    "permission|access denied|not authori[sz]ed|unauthori[sz]ed|forbidden|\\b403\\b"
                            + "|insufficient privilege"),
            rule("duplicate_keys", "duplicate|unique constraint|uniqueness|primary key violation|more than one row"),
            rule(
                    "schema_mismatch",
                    "schema|cannot resolve|given input columns|contractviolation|does not match contract"
                            + "|undeclared column|not declared|unexpected column|unknown column|no such column"
                            + "|column .* (not found|does not exist|missing)|type mismatch|cannot cast|incompatible type"
                            + "|unexpected field|missing field|contract check"),
            rule("null_explosion", "null value|not[- ]null|nulls?\\b|null rate|completeness"),
            rule("upstream_late", "sensor|waiting for upstream|upstream .*(late|missing)|partition not found"),
            rule(
                    "infrastructure",
                    "quota|out of memory|oom|memory|disk|no space|resources exceeded|timeout|timed out"
                            + "|connection|unavailable|node lost|executor lost|preempt|capacity|slot"));

    private static Rule rule(String errorClass, String regex) {
        return new Rule(errorClass, Pattern.compile(regex));
    }

    private ErrorClassifier() {}

    static String classify(String message) {
        if (message == null || message.isBlank()) {
            return "unknown";
        }
        String m = message.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            if (r.pattern().matcher(m).find()) {
                return r.errorClass();
            }
        }
        return "unknown";
    }
}
