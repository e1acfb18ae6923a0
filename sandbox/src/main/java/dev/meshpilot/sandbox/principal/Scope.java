package dev.meshpilot.sandbox.principal;

import java.util.Arrays;
import java.util.Optional;

/** A permission a role can grant. Wire names are {@code area:verb}, e.g. {@code sql:read}. */
public enum Scope {
    CATALOG_READ("catalog:read"),
    LINEAGE_READ("lineage:read"),
    RUNS_READ("runs:read"),
    QUALITY_READ("quality:read"),
    METRICS_READ("metrics:read"),
    INCIDENTS_READ("incidents:read"),
    INCIDENTS_WRITE("incidents:write"),
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

    public static Optional<Scope> of(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }
}
