package dev.meshpilot.mesh.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The class of failure an incident is sorted into: the one vocabulary of workspaces, alerts, runbooks, tools
 * and agents. Written as its {@link #wireName()} ({@code schema_mismatch}, ...). {@link ErrorClassifier}
 * sorts a message or an alert name into one.
 */
public enum ErrorClass {
    SCHEMA_MISMATCH,
    UPSTREAM_LATE,
    DUPLICATE_KEYS,
    NULL_EXPLOSION,
    INFRASTRUCTURE,
    PERMISSIONS,
    UNKNOWN;

    private static final List<String> WIRE_NAMES =
            Arrays.stream(values()).map(ErrorClass::wireName).toList();

    /** The name in files and JSON: {@code schema_mismatch}, {@code upstream_late}, ... */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every wire name, in declaration order (for messages that list the valid values). */
    public static List<String> wireNames() {
        return WIRE_NAMES;
    }

    /** The class named {@code wireName}, if it is one. */
    public static Optional<ErrorClass> of(String wireName) {
        return wireName == null || !WIRE_NAMES.contains(wireName)
                ? Optional.empty()
                : Optional.of(valueOf(wireName.toUpperCase(Locale.ROOT)));
    }
}
