package dev.meshpilot.mesh.contract;

import java.util.Objects;

/** A service level property of a contract: {@code latency}, {@code retention}, {@code frequency}, ... */
public record SlaProperty(String property, String value, String unit, String element) {
    public SlaProperty {
        Objects.requireNonNull(property, "property");
    }
}
