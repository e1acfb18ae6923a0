package dev.meshpilot.tools.observed;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;

/** The result of {@code observed_grants}: one page of the grants observed in the warehouse. */
public record ObservedGrants(
        @JsonPropertyDescription("Observed grants.") List<Grant> grants,

        @JsonPropertyDescription("How many items match in all.")
        int total,

        @JsonPropertyDescription("How many items this page holds.")
        int returned,

        @Nullable @JsonPropertyDescription("Pass as 'cursor' to get the next page; null on the last page.")
        String nextCursor) {
    public ObservedGrants {
        grants = List.copyOf(grants);
    }

    /** A privilege a principal holds on a product. */
    public record Grant(
            @JsonPropertyDescription("Grantee as the warehouse names it.")
            String principal,

            @JsonPropertyDescription("Product id.") String product,

            @JsonPropertyDescription("SELECT, INSERT, UPDATE, DELETE or ALL.")
            String privilege,

            @JsonPropertyDescription("Columns the grant is limited to; empty = all.")
            List<String> columns,

            @Nullable @JsonPropertyDescription("When it was granted, if known.")
            Instant grantedAt) {}
}
