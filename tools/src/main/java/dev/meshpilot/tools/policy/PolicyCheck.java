package dev.meshpilot.tools.policy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * The result of {@code check_policies}: the findings over one page of the products in scope (products in id
 * order), how many products the scope holds and how many this page judged, the exceptions on the products this
 * page judged (so an exception that matches nothing can be told apart from one outside the page), and what
 * could not be checked.
 */
public record PolicyCheck(
        @JsonPropertyDescription("The instant the mesh is judged at.")
        Instant asOf,

        @JsonPropertyDescription("Ids of the policies applied.")
        List<String> policies,

        @JsonPropertyDescription("Products in scope that the caller may read (all pages).")
        int inScope,

        @JsonPropertyDescription("Products this page judged.")
        int judged,

        @Nullable @JsonPropertyDescription("The first product id this page judged.")
        String first,

        @Nullable @JsonPropertyDescription("The last product id this page judged.")
        String last,

        @JsonPropertyDescription("The findings on this page's products.")
        List<PolicyFinding> findings,

        @JsonPropertyDescription("The policies' exceptions on the products this page judged, matched or not.")
        List<Exception> exceptions,

        @JsonPropertyDescription("Rules that could not be applied, and why.")
        List<String> notes,

        @JsonPropertyDescription("Rules not applied to some products for want of a scope, counted.")
        List<Skipped> skipped,

        @Nullable @JsonPropertyDescription("Pass as cursor for the next page; null on the last.")
        String nextCursor) {
    public PolicyCheck {
        policies = List.copyOf(policies);
        findings = List.copyOf(findings);
        exceptions = List.copyOf(exceptions);
        notes = List.copyOf(notes);
        skipped = List.copyOf(skipped);
    }

    /** A policy not applied to {@code products} products of this page because the caller lacks {@code scope}. */
    public record Skipped(
            @JsonPropertyDescription("The policy.") String policy,

            @JsonPropertyDescription("The scope the caller lacks there.")
            String scope,

            @JsonPropertyDescription("How many products of this page.")
            int products,

            @JsonPropertyDescription("One of them.") String example) {
        /** The sentence a report shows. */
        public String describe() {
            return "policy " + policy + " not checked on " + products + (products == 1 ? " product" : " products")
                    + " (e.g. " + example + "): you lack " + scope + " there";
        }

        /** The same policy and scope over more pages. */
        public Skipped plus(Skipped other) {
            return new Skipped(policy, scope, products + other.products, example);
        }
    }

    /** An accepted exception to a policy: which finding it covers, who decided, why, until when. */
    public record Exception(
            @JsonPropertyDescription("The policy it is an exception to.")
            String policy,

            @JsonPropertyDescription("The product it covers.")
            String product,

            @Nullable @JsonPropertyDescription("The subject it covers (principal, column:NAME); null = all.")
            String subject,

            @JsonPropertyDescription("Who owns the decision.")
            String owner,

            @FreeText @JsonPropertyDescription("Why it is accepted.")
            String reason,

            @JsonPropertyDescription("Last day it holds (ISO date).")
            String expires) {}
}
