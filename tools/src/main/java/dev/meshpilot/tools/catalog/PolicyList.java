package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.mesh.view.Nullable;
import java.util.List;

/** The result of {@code list_policies}: one page of the governance policies that match. */
public record PolicyList(
        @JsonPropertyDescription("Matching policies.") List<PolicyView> policies,

        @JsonPropertyDescription("How many items match in all.")
        int total,

        @JsonPropertyDescription("How many items this page holds.")
        int returned,

        @Nullable @JsonPropertyDescription("Pass as 'cursor' to get the next page; null on the last page.")
        String nextCursor) {
    public PolicyList {
        policies = List.copyOf(policies);
    }

    /** A governance policy. */
    public record PolicyView(
            @JsonPropertyDescription("Policy id.") String id,
            @JsonPropertyDescription("Policy kind.") String kind,

            @JsonPropertyDescription("Severity of a violation.")
            String severity,

            @FreeText @JsonPropertyDescription("What the policy requires.")
            String description,

            @JsonPropertyDescription("What it applies to.") AppliesTo appliesTo,

            @Nullable @JsonPropertyDescription("The kind's rule, as declared.")
            JsonNode rule,

            @Nullable @JsonPropertyDescription("Accepted deviations: product, subject, owner, reason, expiry date.")
            List<ExceptionView> exceptions) {}

    /** An accepted deviation from a policy, until its expiry date (inclusive). */
    public record ExceptionView(
            @JsonPropertyDescription("The product it covers.")
            String product,

            @Nullable @JsonPropertyDescription("The subject it covers (principal, column); null = all.")
            String subject,

            @JsonPropertyDescription("Who owns the decision.")
            String owner,

            @FreeText @JsonPropertyDescription("Why it is accepted.")
            String reason,

            @JsonPropertyDescription("Last day it holds (ISO date).")
            String expires) {}

    /** What a policy applies to: everything, or domains, products and classifications. */
    public record AppliesTo(
            @JsonPropertyDescription("Whether it applies to every product.")
            boolean all,

            @JsonPropertyDescription("Domains it applies to.")
            List<String> domains,

            @JsonPropertyDescription("Products it applies to.")
            List<String> products,

            @JsonPropertyDescription("Classifications it applies to.")
            List<String> classifications) {}
}
