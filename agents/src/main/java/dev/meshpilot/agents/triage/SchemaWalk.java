package dev.meshpilot.agents.triage;

import static dev.meshpilot.agents.kit.DataChecks.args;

import dev.meshpilot.agents.kit.ContractDrift;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.agents.triage.TriageReport.Cause;
import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.tools.catalog.ContractView;
import dev.meshpilot.tools.lineage.LineageView;
import dev.meshpilot.tools.lineage.UpstreamHop;
import dev.meshpilot.tools.observed.ObservedSchemaView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pattern 1 of issue #16: a consumer's run fails because its upstream changed. When a run failed with a schema
 * mismatch (or an unclassified message), the products it reads are compared — observed schema
 * ({@code observed_schema}) against contract ({@code get_contract}) — nearest first along the walk, within the
 * budget. An input whose table lost a declared column or retyped one (a number now text) is the root cause,
 * class schema mismatch: its owner changed it under the reader. A direct input with such a change is taken when
 * the run failed with a schema mismatch; a farther one, or any under an unclassified message, only when the
 * message names the changed column.
 */
final class SchemaWalk {
    static final int PRODUCTS = 4;

    private final ToolBox tools;
    private final int reserve;
    int checked;
    int skipped;

    SchemaWalk(ToolBox tools, int reserve) {
        this.tools = tools;
        this.reserve = reserve;
    }

    /** The inputs of {@code failing} whose observed schema breaks their contract, as causes. */
    List<Cause> check(Cause failing, String start, Evidence up) {
        LineageView<UpstreamHop> lineage = up.as(LineageView.UPSTREAM);
        List<UpstreamHop> inputs = inputs(lineage, failing.product(), start);
        List<Cause> out = new ArrayList<>();
        String message = failing.summary().toLowerCase(Locale.ROOT);
        int baseDepth = failing.product().equals(start)
                ? 0
                : lineage.hop(failing.product()).map(UpstreamHop::depth).orElse(0);
        for (UpstreamHop h : inputs) {
            if (checked >= PRODUCTS || tools.remainingCalls() < reserve + 2) {
                skipped++;
                continue;
            }
            checked++;
            Optional<Evidence> contract = tools.data("get_contract", args("product", h.product()));
            if (contract.isEmpty()) {
                continue;
            }
            Optional<Evidence> observed =
                    tools.data("observed_schema", args("product", h.product()).put("source", "latest"));
            if (observed.isEmpty()) {
                continue;
            }
            List<ContractDrift.Change> changes = ContractDrift.of(
                    contract.get().as(ContractView.class), observed.get().as(ObservedSchemaView.class));
            if (changes.isEmpty()) {
                continue;
            }
            boolean named = changes.stream().anyMatch(c -> names(message, c.column()));
            int hops = h.depth() - baseDepth;
            boolean unclassified = ErrorClass.UNKNOWN.wireName().equals(failing.errorClass());
            if ((hops > 1 || unclassified) && !named) {
                continue; // a message that says nothing of a shape must name the changed column to be explained
            }
            String summary = h.product() + "'s observed schema no longer matches its contract: "
                    + String.join(
                            "; ",
                            changes.stream().map(ContractDrift.Change::describe).toList())
                    + ". " + failing.product() + " reads it (" + hops + " hop" + (hops == 1 ? "" : "s")
                    + " upstream) and its run failed";
            out.add(new Cause(
                    h.product(),
                    ErrorClass.SCHEMA_MISMATCH.wireName(),
                    summary,
                    named ? 0.95 : 0.92,
                    List.of(up.id(), contract.get().id(), observed.get().id())));
        }
        return out;
    }

    /** The products {@code failing} reads, then theirs, nearest first (the lineage page's tree by {@code via}). */
    private static List<UpstreamHop> inputs(LineageView<UpstreamHop> lineage, String failing, String start) {
        Set<String> frontier = new LinkedHashSet<>(List.of(failing));
        List<UpstreamHop> out = new ArrayList<>();
        for (int level = 0; level < 3 && !frontier.isEmpty(); level++) {
            Set<String> next = new LinkedHashSet<>();
            for (UpstreamHop h : lineage.hops()) {
                String via = h.via() == null ? start : h.via();
                boolean direct = frontier.contains(via) || (frontier.contains(start) && h.depth() == 1 && level == 0);
                if (direct && !next.contains(h.product()) && !h.product().equals(failing)) {
                    next.add(h.product());
                    out.add(h);
                }
            }
            frontier = next;
        }
        return out;
    }

    private static boolean names(String message, String column) {
        return Pattern.compile("(?<![a-z0-9_])" + Pattern.quote(column.toLowerCase(Locale.ROOT)) + "(?![a-z0-9_])")
                .matcher(message)
                .find();
    }
}
