package dev.meshpilot.mesh.openlineage;

import java.util.Objects;

/**
 * The {@code errorMessage} run facet of a failed run.
 *
 * @param message the error message (required)
 * @param programmingLanguage e.g. {@code JAVA}, {@code sql}; {@code null} when absent
 * @param stackTrace the stack trace, or {@code null}
 */
public record ErrorMessageFacet(String message, String programmingLanguage, String stackTrace) {
    public ErrorMessageFacet {
        Objects.requireNonNull(message, "message");
    }
}
