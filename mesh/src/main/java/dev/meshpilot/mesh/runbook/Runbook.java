package dev.meshpilot.mesh.runbook;

import dev.meshpilot.mesh.incident.ErrorClass;
import java.util.List;
import java.util.Objects;

/** A runbook: what to do for some products or error classes; {@code body} is the Markdown text. */
public record Runbook(
        String id, String title, List<String> products, List<String> errorClasses, List<String> tags, String body) {
    /** The error classes incidents are sorted into: {@link ErrorClass#wireNames()}. */
    public static final List<String> ERROR_CLASSES = ErrorClass.wireNames();

    public Runbook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        products = List.copyOf(products);
        errorClasses = List.copyOf(errorClasses);
        tags = List.copyOf(tags);
    }
}
