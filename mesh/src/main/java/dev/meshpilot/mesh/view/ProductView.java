package dev.meshpilot.mesh.view;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one JSON view of a data product: what the tool {@code get_data_product}, the MCP resource
 * {@code mesh://products/{id}}, REST {@code GET /api/v1/products[/{id}]} and {@code meshpilot product ID
 * --format json} return. Built by {@link ProductViews}. A wire format: new fields go at the end.
 */
public record ProductView(
        @JsonPropertyDescription("Product id.") String id,
        @JsonPropertyDescription("Display name.") String name,

        @FreeText @JsonPropertyDescription("What the product holds (free text from the mesh).")
        String description,

        @JsonPropertyDescription("The product's domain.") DomainRef domain,
        @JsonPropertyDescription("The owning team.") Owner owner,

        @JsonPropertyDescription("Business criticality: critical, high, medium or low.")
        String criticality,

        @JsonPropertyDescription("Tags.") List<String> tags,

        @Nullable @JsonPropertyDescription("The product's contract, or null.")
        ContractRef contract,

        @JsonPropertyDescription("Where the product's data lives.")
        List<Port> outputPorts,

        @JsonPropertyDescription("Service level objectives.")
        List<SloView> slos,

        @JsonPropertyDescription("Whether the product names its owning team (false: the domain's owner stands in).")
        boolean ownerDeclared) {
    public ProductView {
        tags = List.copyOf(tags);
        outputPorts = List.copyOf(outputPorts);
        slos = List.copyOf(slos);
    }

    /** The freshness SLO's target, when there is one that parses as an ISO-8601 duration. */
    public Optional<Duration> freshness() {
        for (SloView s : slos) {
            if ("freshness".equals(s.kind())) {
                try {
                    return Optional.of(Duration.parse(s.target()));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** A domain by id and name. */
    public record DomainRef(
            @JsonPropertyDescription("Domain id.") String id,

            @Nullable @JsonPropertyDescription("Domain name.")
            String name) {}

    /** A product's contract: its current version and status, and every version there is. */
    public record ContractRef(
            @JsonPropertyDescription("Contract id.") String id,

            @Nullable @JsonPropertyDescription("Current version.")
            String version,

            @Nullable @JsonPropertyDescription("Status of the current version.")
            String status,

            @JsonPropertyDescription("Every version.") List<String> versions) {}

    /** An output port: an OpenLineage dataset. */
    public record Port(
            @JsonPropertyDescription("OpenLineage dataset namespace.")
            String namespace,

            @JsonPropertyDescription("OpenLineage dataset name.")
            String name,

            @Nullable @FreeText @JsonPropertyDescription("What the port holds (free text from the mesh), or null.")
            String description) {}

    /** A service level objective. */
    public record SloView(
            @JsonPropertyDescription("freshness, volume, completeness or availability.")
            String kind,

            @JsonPropertyDescription("The target, e.g. PT26H for freshness.")
            String target,

            @FreeText @JsonPropertyDescription("What the SLO promises.")
            String description) {}
}
