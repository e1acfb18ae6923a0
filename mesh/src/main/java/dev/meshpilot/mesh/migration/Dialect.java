package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The SQL dialects a migration plan is written for. */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
