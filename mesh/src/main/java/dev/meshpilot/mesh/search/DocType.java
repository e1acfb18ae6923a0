package dev.meshpilot.mesh.search;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of document in the search index; {@link #wireName()} is the lowercase name used on the wire. */
public enum DocType {
    PRODUCT,
    CONTRACT,
    RUNBOOK,
    INCIDENT;

    /** {@code product}, {@code contract}, {@code runbook} or {@code incident}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type named {@code name} (case-insensitive, plural accepted); fails with {@link ErrorCode#USAGE} and
     * lists the valid names otherwise.
     */
    public static DocType parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (DocType t : values()) {
            if (t.wireName().equals(n) || (t.wireName() + "s").equals(n)) {
                return t;
            }
        }
        throw new MeshpilotException(
                ErrorCode.USAGE,
                "unknown document type '" + name + "' (valid: "
                        + Arrays.stream(values()).map(DocType::wireName).collect(Collectors.joining(", ")) + ")");
    }
}
