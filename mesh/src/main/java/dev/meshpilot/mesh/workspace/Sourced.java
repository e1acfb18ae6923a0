package dev.meshpilot.mesh.workspace;

/**
 * A value read from a workspace file, with where it came from: the document and the JSON pointer of the
 * mapping it was read from, so a later check can name the line of any of its fields.
 */
public record Sourced<T>(T value, YamlDoc doc, String pointer) {
    public String file() {
        return doc.file();
    }

    /** The line of the mapping itself. */
    public int line() {
        return doc.line(pointer);
    }

    /** The line of {@code field} (dotted, e.g. {@code appliesTo.products}) of the mapping, or the nearest. */
    public int line(String field) {
        return doc.line(pointer + "/" + field.replace('.', '/'));
    }
}
