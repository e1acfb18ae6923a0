package dev.meshpilot.tools.sql;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import java.util.List;

/** The result of {@code sql.query}: how the query went, the exact query, and the rows (masked where needed). */
public record QueryResult(
        @JsonPropertyDescription("ok, truncated, denied, timeout or error.")
        String status,

        @JsonPropertyDescription("The exact query that ran (or was refused).")
        String query,

        @JsonPropertyDescription("How long it ran.") long elapsedMillis,

        @Nullable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("Why it was cut, refused or failed.")
        String reason,

        @JsonPropertyDescription("Column names, in order.") List<String> columns,

        @JsonPropertyDescription("Rows, each a list of values in column order.")
        List<List<Object>> rows) {}
