package dev.meshpilot.tools.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import dev.meshpilot.mesh.view.Owner;
import java.util.List;
import java.util.Map;

/** The result of {@code impact}: the downstream consumers of a product, most critical first, with owners. */
public record ImpactView(
        @JsonPropertyDescription("The product.") String product,

        @Nullable @JsonPropertyDescription("The column, if any.")
        String column,

        @JsonPropertyDescription("Consumer counts by criticality: critical, high, medium, low.")
        Map<String, Integer> byCriticality,

        @JsonPropertyDescription("Owning teams of the consumers, most critical first.")
        List<String> teams,

        @JsonPropertyDescription("Consumers, most critical first.")
        List<Consumer> consumers,

        @JsonPropertyDescription("How many items match in all.")
        int total,

        @JsonPropertyDescription("How many items this page holds.")
        int returned,

        @Nullable @JsonPropertyDescription("Pass as 'cursor' to get the next page; null on the last page.")
        String nextCursor) {
    public ImpactView {
        teams = List.copyOf(teams);
        consumers = List.copyOf(consumers);
    }

    /** A downstream consumer product. */
    public record Consumer(
            @JsonPropertyDescription("Consumer product.") String product,

            @Nullable @JsonPropertyDescription("Its criticality.")
            String criticality,

            @JsonPropertyDescription("Hops from the product.")
            int depth,

            @Nullable @JsonPropertyDescription("The nearer product it is reached through.")
            String via,

            @JsonPropertyDescription("Its owning team.") Owner owner,

            @Nullable
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JsonPropertyDescription("For column impact: its columns that read the column.")
            List<String> columns) {}
}
