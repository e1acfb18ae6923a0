package dev.meshpilot.sandbox.principal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A permission a role can grant. Wire names are {@code area:verb}, as written in {@code meshpilot.yaml}.
 *
 * <pre>{@code
 * Scope s = Scope.parse("sql:read"); // Scope.SQL_READ
 * }</pre>
 */
public enum Scope {
    CATALOG_READ("catalog:read"),
    LINEAGE_READ("lineage:read"),
    /** Post OpenLineage events ({@code POST /api/v1/lineage}). */
    LINEAGE_WRITE("lineage:write"),
    RUNS_READ("runs:read"),
    QUALITY_READ("quality:read"),
    METRICS_READ("metrics:read"),
    INCIDENTS_READ("incidents:read"),
    INCIDENTS_WRITE("incidents:write"),
    /** Post alert notifications, which open and update incidents ({@code POST /api/v1/alerts/alertmanager}). */
    ALERTS_WRITE("alerts:write"),
    CONTRACTS_READ("contracts:read"),
    POLICIES_READ("policies:read"),
    GRANTS_READ("grants:read"),
    SQL_READ("sql:read"),
    PII_READ("pii:read"),
    DRIFT_RUN("drift:run"),
    NOTIFY_CHAT("notify:chat");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The scope with this wire name, if there is one. */
    public static Optional<Scope> of(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }

    /**
     * The scope with this wire name.
     *
     * @throws IllegalArgumentException naming every valid wire name when there is none
     */
    public static Scope parse(String wireName) {
        return of(wireName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown scope '" + wireName + "'; known scopes: " + allWireNames()));
    }

    /** Every wire name, comma-separated, in declaration order. */
    public static String allWireNames() {
        return Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", "));
    }
}
