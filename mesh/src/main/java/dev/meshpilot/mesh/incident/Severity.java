package dev.meshpilot.mesh.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** How bad an incident is, {@code SEV1} (worst) to {@code SEV4}; written as its name. */
public enum Severity {
    SEV1,
    SEV2,
    SEV3,
    SEV4;

    private static final List<String> WIRE_NAMES =
            Arrays.stream(values()).map(Severity::wireName).toList();

    @JsonValue
    public String wireName() {
        return name();
    }

    /** Every wire name, worst first. */
    public static List<String> wireNames() {
        return WIRE_NAMES;
    }
}
