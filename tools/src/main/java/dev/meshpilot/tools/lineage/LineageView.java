package dev.meshpilot.tools.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code lineage_upstream} and {@code lineage_downstream}: a summary of the closure and one page
 * of hops, by depth then id. The hops are {@link UpstreamHop}s (with health), {@link DownstreamHop}s or, for
 * column-level lineage, {@link ColumnHop}s.
 */
public record LineageView<H extends LineageView.Hop>(
        @JsonPropertyDescription("Start product.") String product,

        @Nullable @JsonPropertyDescription("Start column, for column-level lineage.")
        String column,

        @JsonPropertyDescription("Which way: upstream or downstream.")
        String direction,

        @JsonPropertyDescription("The depth limit used.") int depth,

        @JsonPropertyDescription("Counts of the whole closure, and upstream the likely root causes.")
        Summary summary,

        @JsonPropertyDescription("Hops, by depth then id.") List<H> hops,

        @JsonPropertyDescription("How many items match in all.")
        int total,

        @JsonPropertyDescription("How many items this page holds.")
        int returned,

        @Nullable @JsonPropertyDescription("Pass as 'cursor' to get the next page; null on the last page.")
        String nextCursor) {
    /** How agents read an upstream product-level result back: {@code evidence.as(LineageView.UPSTREAM)}. */
    public static final TypeReference<LineageView<UpstreamHop>> UPSTREAM = new TypeReference<>() {};

    public LineageView {
        hops = List.copyOf(hops);
    }

    /** The hop of {@code productId} on this page, if any. */
    public java.util.Optional<H> hop(String productId) {
        return hops.stream().filter(h -> productId.equals(h.product())).findFirst();
    }

    /** One hop of the closure. */
    @JsonSubTypes({
        @JsonSubTypes.Type(UpstreamHop.class),
        @JsonSubTypes.Type(DownstreamHop.class),
        @JsonSubTypes.Type(ColumnHop.class)
    })
    public sealed interface Hop permits UpstreamHop, DownstreamHop, ColumnHop {
        String product();

        int depth();
    }

    /** Counts by depth and by domain (or, for columns, by product), the deepest hop, and upstream the suspects. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(
            @JsonPropertyDescription("Hops at each depth.") Map<String, Integer> byDepth,

            @Nullable @JsonPropertyDescription("Products in each domain (product lineage).")
            Map<String, Integer> byDomain,

            @Nullable @JsonPropertyDescription("Columns in each product (column lineage).")
            Map<String, Integer> byProduct,

            @JsonPropertyDescription("The deepest hop.") int deepest,

            @Nullable @JsonPropertyDescription("Upstream only: the failing or late ancestors, earliest (root) first.")
            List<Suspect> suspects,

            @Nullable @JsonPropertyDescription("Upstream only: the instant health was judged at.")
            Instant asOf) {}

    /** A failing or late ancestor. */
    public record Suspect(
            @JsonPropertyDescription("The product.") String product,

            @JsonPropertyDescription("failed, late or failed_and_late.")
            String status,

            @JsonPropertyDescription("Whether no failing or late ancestor of its own explains it.")
            boolean root,

            @JsonPropertyDescription("Hops from the start product.")
            int depth,

            @JsonPropertyDescription("The products from it down to the start product.")
            List<String> path) {
        /** Whether its latest run failed. */
        public boolean failed() {
            return status.startsWith("failed");
        }
    }
}
