package dev.meshpilot.tools.observed;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;

/** The result of {@code observed_schema}: the physical columns last observed and the partition retention. */
public record ObservedSchemaView(
        @JsonPropertyDescription("Product id.") String product,

        @Nullable @JsonPropertyDescription("When the schema was observed; null if never.")
        Instant observedAt,

        @JsonPropertyDescription("Columns in table order; empty if never observed.")
        List<Column> columns,

        @Nullable @JsonPropertyDescription("The partitions observed, or null.")
        Retention retention) {
    public ObservedSchemaView {
        columns = List.copyOf(columns);
    }

    /** A physical column. */
    public record Column(
            @JsonPropertyDescription("Column name.") String name,

            @Nullable @JsonPropertyDescription("Physical type.")
            String type) {}

    /** The partitions of the table as last observed. */
    public record Retention(
            @JsonPropertyDescription("Oldest partition (a date).")
            String oldestPartition,

            @JsonPropertyDescription("Newest partition (a date).")
            String newestPartition,

            @JsonPropertyDescription("How many partitions.") int partitions,

            @Nullable @JsonPropertyDescription("When it was observed.")
            Instant observedAt) {}
}
