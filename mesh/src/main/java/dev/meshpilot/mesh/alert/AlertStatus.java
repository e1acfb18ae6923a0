package dev.meshpilot.mesh.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An alert's state in Alertmanager, as its webhook spells it. */
public enum AlertStatus {
    FIRING,
    RESOLVED;

    /** {@code firing} or {@code resolved}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code text} (exact case), or {@code null}. */
    static AlertStatus of(String text) {
        for (AlertStatus s : values()) {
            if (s.wireName().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
