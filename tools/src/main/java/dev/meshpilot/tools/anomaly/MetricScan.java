package dev.meshpilot.tools.anomaly;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import dev.meshpilot.mesh.view.Owner;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code scan_metrics}: the anomalies found over one page of the products in scope, each
 * anomalous product with what ranking its group needs (criticality, owner, downstream count), and how much was
 * read: products in scope and judged, series, points, series too short to judge, points in declared windows.
 */
public record MetricScan(
        @JsonPropertyDescription("The mesh's asOf.") Instant asOf,

        @JsonPropertyDescription("Start of the window judged.")
        Instant since,

        @JsonPropertyDescription("End of the window judged.")
        Instant until,

        @JsonPropertyDescription("Products in scope the caller may read (all pages).")
        int inScope,

        @JsonPropertyDescription("Products this page judged.")
        int judged,

        @Nullable @JsonPropertyDescription("The first product this page judged.")
        String first,

        @Nullable @JsonPropertyDescription("The last product this page judged.")
        String last,

        @JsonPropertyDescription("The products with anomalies in the window.")
        List<Product> products,

        @JsonPropertyDescription("Series judged.") int series,
        @JsonPropertyDescription("Points read.") int points,

        @JsonPropertyDescription("Series too short to judge.")
        int shortHistory,

        @JsonPropertyDescription("Points inside declared exclusion windows.")
        int excludedPoints,

        @JsonPropertyDescription("The detector's default settings (anomalies.yaml may override per product).")
        Map<String, Object> settings,

        @Nullable @JsonPropertyDescription("Pass as cursor for the next page; null on the last.")
        String nextCursor) {
    public MetricScan {
        products = List.copyOf(products);
        settings = Map.copyOf(settings);
    }

    /** An anomalous product: its anomalies, and its criticality, owner and downstream consumer count. */
    public record Product(
            @JsonPropertyDescription("Product id.") String product,

            @Nullable @JsonPropertyDescription("critical, high, medium or low.")
            String criticality,

            @Nullable @JsonPropertyDescription("Its owner.") Owner owner,

            @JsonPropertyDescription("Products downstream of it (10 hops).")
            int downstream,

            @JsonPropertyDescription("Its anomalies, oldest first.")
            List<MetricAnomaly> anomalies) {
        public Product {
            anomalies = List.copyOf(anomalies);
        }
    }
}
