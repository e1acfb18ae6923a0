package dev.meshpilot.agents.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.tools.policy.PolicyCheck;
import dev.meshpilot.tools.policy.PolicyFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The scope's findings, read from {@code check_policies} a page at a time until the scope is covered or the
 * run's call budget is down to what the rest of the run needs; the report then says how much was judged.
 */
final class Sweep {

    final List<DriftFinding> findings = new ArrayList<>();
    final List<Exceptions.Seen> exceptions = new ArrayList<>();
    final Set<String> policies = new LinkedHashSet<>();
    final List<String> notes = new ArrayList<>();
    private final java.util.Map<String, PolicyCheck.Skipped> skipped = new java.util.LinkedHashMap<>();
    Instant asOf;
    int inScope;
    int judged;
    /** Null when the whole scope was judged; else why not. */
    String cut;

    /**
     * Reads every page. A refusal of the first page is thrown as {@code refused} makes it; a later one, the
     * budget running out, or a page the gate had to cut (limits configured below a page's size) ends the sweep
     * with {@link #cut} saying why. Returns the last page's evidence.
     */
    Evidence run(ToolBox tools, ObjectNode args, Function<Evidence, RuntimeException> refused) {
        String cursor = null;
        Evidence last = null;
        do {
            ObjectNode a = args.deepCopy();
            if (cursor != null) {
                a.put("cursor", cursor);
            }
            if (last != null && tools.remainingCalls() <= 0) {
                cut = "the run's tool budget ran out";
                break;
            }
            Evidence e = tools.call("check_policies", a, "playbook");
            if (!e.hasData()) {
                if (last == null) {
                    throw refused.apply(e);
                }
                cut = "check_policies stopped: " + e.result().message();
                break;
            }
            last = e;
            if (e.result().status() == ToolResult.Status.TRUNCATED) {
                cut = "the gate cut a page of check_policies to its limits (gate.maxItems, gate.maxBytes)";
            }
            PolicyCheck page = e.as(PolicyCheck.class);
            asOf = page.asOf();
            inScope = page.inScope();
            judged += page.judged();
            policies.addAll(page.policies());
            page.exceptions().forEach(x -> exceptions.add(new Exceptions.Seen(x, e.id())));
            page.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
            page.skipped().forEach(k -> skipped.merge(k.policy() + "|" + k.scope(), k, PolicyCheck.Skipped::plus));
            page.findings().forEach(f -> findings.add(finding(f, e.id())));
            cursor = page.nextCursor();
        } while (cursor != null && cut == null);
        skipped.values().forEach(k -> notes.add(k.describe()));
        if (cut != null) {
            notes.add("judged " + judged + " of " + inScope + " products (" + cut
                    + "); the findings of the rest are unknown, not absent");
        }
        return last;
    }

    private static DriftFinding finding(PolicyFinding f, String evidence) {
        String observed = f.derivation() == null ? f.observed() : f.observed() + " (derived: " + f.derivation() + ")";
        return new DriftFinding(
                null,
                f.policy(),
                f.kind(),
                f.asset(),
                f.subject(),
                f.level(),
                f.title(),
                f.declared(),
                observed,
                List.of(evidence),
                f.owner() == null ? null : Owner.of(f.owner(), evidence),
                f.fix(),
                "new",
                null,
                null);
    }
}
