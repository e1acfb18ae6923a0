package dev.meshpilot.tools.policy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.mesh.view.Nullable;
import dev.meshpilot.mesh.view.Owner;
import java.util.List;

/**
 * One place where the observed state departs from a policy, as {@code check_policies} reports it: the policy
 * and its kind, the asset (a product id), the subject ({@code column:NAME}, a principal, {@code partitions},
 * ...), the level, what is declared and what is observed, what was read to judge it, the owner, and a draft fix
 * that is never applied. A wire format: components are added at the end.
 */
public record PolicyFinding(
        @JsonPropertyDescription("The policy's id.") String policy,

        @JsonPropertyDescription(
                "Its kind: access, lineage, schema, retention, freshness, ownership, contract, custom.")
        String kind,

        @JsonPropertyDescription("The product that departs from the policy.")
        String asset,

        @JsonPropertyDescription("What in it: column:NAME, a principal, partitions, freshness, owner, contract, ...")
        String subject,

        @JsonPropertyDescription("deny, warn or info (from the policy's severity).")
        String level,

        @JsonPropertyDescription("One line a person reads first.")
        String title,

        @JsonPropertyDescription("What the policy or contract declares.")
        String declared,

        @JsonPropertyDescription("What is observed.") String observed,

        @JsonPropertyDescription("What was read to judge it, e.g. contract orders.orders_daily 1.2.0, observed grants.")
        List<String> sources,

        @Nullable @JsonPropertyDescription("The owner to tell (the asset's owning team).")
        Owner owner,

        @JsonPropertyDescription("A draft fix for the owner to review; never applied.")
        String fix,

        @Nullable @FreeText @JsonPropertyDescription("How a derived column is computed (free text from the events).")
        String derivation) {
    public PolicyFinding {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A finding of {@code rule} on {@code asset}, without a derivation. */
    static PolicyFinding of(
            Rule rule,
            String asset,
            String subject,
            String title,
            String declared,
            String observed,
            List<String> sources,
            Owner owner,
            String fix) {
        return new PolicyFinding(
                rule.id(),
                rule.kind(),
                asset,
                subject,
                rule.level(),
                title,
                declared,
                observed,
                sources,
                owner,
                fix,
                null);
    }
}
