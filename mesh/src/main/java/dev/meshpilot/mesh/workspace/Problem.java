package dev.meshpilot.mesh.workspace;

import java.util.Objects;

/**
 * One thing wrong with a workspace: where (file, 1-based line, field) and what would be valid.
 *
 * @param file the file, relative to the workspace root
 * @param line the 1-based line, or 0 when the problem concerns the whole file
 * @param field the field path (e.g. {@code outputPorts[0].name}), or empty
 * @param message what is wrong and what would be valid
 */
public record Problem(String file, int line, String field, String message) implements Comparable<Problem> {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        field = field == null ? "" : field;
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
