package dev.meshpilot.agents.drift;

import static dev.meshpilot.agents.kit.DataChecks.args;

import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.tools.catalog.PolicyList;
import dev.meshpilot.tools.catalog.ProductList;
import dev.meshpilot.tools.history.PreviousFindings;
import dev.meshpilot.tools.observed.ObservedGrants;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deterministic drift plan: read the policies, the products and the grants once; for each policy and each
 * product in scope it applies to, read what its kind needs (contract, observed schema and partitions, latest
 * run, column lineage) and compare; apply exceptions; compare with the previous recorded run of the scope.
 */
final class DriftPlaybook {
    private final ToolBox tools;

    DriftPlaybook(ToolBox tools) {
        this.tools = tools;
    }

    DriftReport run(String input) {
        DriftScope scope = DriftScope.parse(input);
        Evidence pol = required(tools.call("list_policies", obj().put("limit", 100), "playbook"), scope);
        Evidence prod = required(tools.call("list_products", obj(), "playbook"), scope);
        ProductList all = prod.as(ProductList.class);
        List<ProductView> inScope = scope.select(all.products());
        Map<String, Rule> rules = new LinkedHashMap<>();
        pol.as(PolicyList.class).policies().forEach(p -> rules.put(p.id(), new Rule(p, pol.id())));
        Map<String, ProductView> byId = new LinkedHashMap<>();
        all.products().forEach(p -> byId.put(p.id(), p));
        Evidence grants = tools.call(
                "observed_grants",
                scope.product() == null
                        ? obj().put("limit", 200)
                        : args("product", scope.product()).put("limit", 200),
                "playbook");
        List<ObservedGrants.Grant> granted =
                grants.hasData() ? grants.as(ObservedGrants.class).grants() : List.of();
        Optional<Evidence> prev =
                tools.data("previous_findings", args("agent", DriftAgent.NAME).put("scope", scope.name()));
        Facts facts = new Facts(tools, byId, prod.id(), all.asOf(), granted, grants.id());

        List<String> notes = new ArrayList<>();
        if (!grants.hasData()) {
            notes.add("grants could not be read (" + grants.result().status().wireName()
                    + "): access and custom rules over grants saw none");
        }
        List<DriftFinding> found = new ArrayList<>();
        for (Rule rule : rules.values()) {
            for (ProductView p : inScope) {
                if (rule.appliesTo(p.id(), p.domain().id())) {
                    found.addAll(check(rule, p, facts, notes));
                }
            }
        }
        found.sort(Comparator.comparing(DriftFinding::asset)
                .thenComparing(DriftFinding::policy)
                .thenComparing(DriftFinding::subject));
        var today = facts.asOf().atZone(ZoneOffset.UTC).toLocalDate();
        var inScopeIds = inScope.stream().map(ProductView::id).collect(java.util.stream.Collectors.toSet());
        Exceptions.Applied applied = Exceptions.apply(dedupe(found), rules, inScopeIds, today);
        PreviousFindings previous = prev.map(e -> e.as(PreviousFindings.class)).orElse(null);
        Lifecycle.Compared compared = Lifecycle.compare(
                applied.findings(),
                previous,
                prev.map(Evidence::id).orElse(null),
                tools.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        return Reports.build(
                scope.name(),
                facts.asOf(),
                inScope.stream().map(ProductView::id).toList(),
                List.copyOf(rules.keySet()),
                compared,
                applied.notes(),
                previous == null ? null : previous.runId(),
                notes);
    }

    private static List<DriftFinding> check(Rule rule, ProductView p, Facts facts, List<String> notes) {
        return switch (rule.kind()) {
            case "access" -> AccessChecks.access(rule, p, facts);
            case "lineage" -> AccessChecks.lineage(rule, p, facts);
            case "schema" -> StateChecks.schema(rule, p, facts);
            case "retention" -> StateChecks.retention(rule, p, facts);
            case "freshness" -> StateChecks.freshness(rule, p, facts);
            case "ownership" -> StateChecks.ownership(rule, p, facts);
            case "contract" -> StateChecks.contract(rule, p, facts);
            case "custom" -> CustomChecks.custom(rule, p, facts, notes);
            default -> {
                notes.add("policy " + rule.id() + " has kind " + rule.kind() + ", which this agent does not check");
                yield List.of();
            }
        };
    }

    /** One finding per fingerprint (a lineage finding can be reached from two source columns). */
    private static List<DriftFinding> dedupe(List<DriftFinding> found) {
        Map<String, DriftFinding> out = new LinkedHashMap<>();
        found.forEach(f -> out.putIfAbsent(f.fingerprint(), f));
        return List.copyOf(out.values());
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode obj() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    private Evidence required(Evidence e, DriftScope scope) {
        if (e.hasData()) {
            return e;
        }
        ErrorCode code = switch (e.result().status()) {
            case DENIED -> ErrorCode.SANDBOX_DENIED;
            case TIMEOUT -> ErrorCode.TOOL_TIMEOUT;
            default -> ErrorCode.NOT_FOUND;
        };
        throw new MeshpilotException(
                code,
                "cannot check drift of " + scope.name() + ": " + e.tool() + " "
                        + e.result().message());
    }
}
