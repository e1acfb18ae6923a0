package dev.meshpilot.mesh.openlineage;

import java.util.Objects;

/**
 * One thing wrong with an event: where (source file and 1-based line when read from a file, the JSON field
 * path within the event) and what would be valid.
 *
 * @param source the file the event came from, or {@code null} (an HTTP body)
 * @param line the 1-based line (the event's line in NDJSON, its first line in a JSON array), or 0
 * @param field the JSON field path, e.g. {@code outputs[0].outputFacets.outputStatistics.rowCount}, or empty
 * @param message what is wrong and what would be valid, e.g. {@code expected an integer, got "abc"}
 */
public record EventProblem(String source, int line, String field, String message) {
    public EventProblem {
        field = field == null ? "" : field;
        Objects.requireNonNull(message, "message");
    }

    EventProblem at(String file, int lineNumber) {
        return new EventProblem(file, lineNumber, field, message);
    }

    /** {@code file:line: field: message}, leaving out the parts that are absent. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source).append(line > 0 ? ":" + line : "").append(": ");
        } else if (line > 0) {
            sb.append("line ").append(line).append(": ");
        }
        return sb.append(field.isEmpty() ? "" : field + ": ").append(message).toString();
    }
}
