package dev.meshpilot.agents.anomalies;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What to sweep: a scope (a product id, a domain id, or null for the whole mesh) and a window; a null bound
 * defaults to the mesh's asOf ({@code until}) and seven days before it ({@code since}).
 */
public record AnomalyQuery(String scope, Instant since, Instant until, java.time.Duration window) {
    /** A query whose window, without {@code since}, is the default seven days. */
    public AnomalyQuery(String scope, Instant since, Instant until) {
        this(scope, since, until, null);
    }

    public AnomalyQuery {
        scope = scope == null || scope.isBlank() || scope.equals("mesh") ? null : scope.strip();
        if (since != null && until != null && !since.isBefore(until)) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, "--since (" + since + ") must be before --until (" + until + ")");
        }
    }

    /** From the input fields {@code scope}, {@code since}, {@code until}: ISO-8601 instants or dates (UTC). */
    static AnomalyQuery of(Map<String, String> fields) {
        return new AnomalyQuery(
                fields.get("scope"), time(fields, "since"), time(fields, "until"), window(fields.get("window")));
    }

    private static java.time.Duration window(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            java.time.Duration d = java.time.Duration.parse(s.strip());
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw new MeshpilotException(
                ErrorCode.USAGE, "--window '" + s + "' is not a positive ISO-8601 duration; give P1D, PT6H or P7D");
    }

    private static Instant time(Map<String, String> fields, String name) {
        String s = fields.get(name);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return s.length() == 10
                    ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    "--" + name + " '" + s + "' is not a date or an instant; give 2026-11-18 or 2026-11-18T00:00:00Z");
        }
    }

    /** The scope in words: {@code the mesh}, {@code domain customers}, {@code product orders.orders_daily}. */
    String describe() {
        return scope == null ? "the mesh" : scope.contains(".") ? "product " + scope : "domain " + scope;
    }
}
