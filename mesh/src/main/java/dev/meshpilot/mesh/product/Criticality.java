package dev.meshpilot.mesh.product;

import java.util.Locale;

/** How much the business depends on a product, from most to least. */
public enum Criticality {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Criticality of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
