package dev.meshpilot.agents.drift;

import static dev.meshpilot.agents.kit.DataChecks.args;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.tools.history.PreviousFindings;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deterministic drift plan: read the previous recorded run of the scope, then {@code check_policies} page by
 * page over the scope (the checks run where the data lives; only findings and the exceptions of judged products
 * cross the gate); apply the exceptions; compare with the previous run. When the budget cuts the sweep or
 * the previous run short, the report says how much was judged.
 */
final class DriftPlaybook {
    /** Calls the previous run's pages may take at most, so the sweep always has calls left. */
    static final int PREVIOUS_PAGES = 10;

    private final ToolBox tools;

    DriftPlaybook(ToolBox tools) {
        this.tools = tools;
    }

    DriftReport run(String input) {
        DriftScope scope = DriftScope.parse(input);
        List<String> notes = new ArrayList<>();
        Previous previous = previous(scope, notes);

        ObjectNode args = obj();
        if (scope.product() != null) {
            args.put("product", scope.product());
        } else if (scope.domain() != null) {
            args.put("domain", scope.domain());
        }
        Sweep sweep = new Sweep();
        sweep.run(tools, args, e -> refused(e, scope));
        notes.addAll(sweep.notes);

        List<DriftFinding> found = new ArrayList<>(dedupe(sweep.findings));
        found.sort(Comparator.comparing(DriftFinding::asset)
                .thenComparing(DriftFinding::policy)
                .thenComparing(DriftFinding::subject));
        var today = sweep.asOf.atZone(ZoneOffset.UTC).toLocalDate();
        Exceptions.Applied applied = Exceptions.apply(found, sweep.exceptions, today);
        Lifecycle.Compared compared = Lifecycle.compare(
                applied.findings(),
                previous.findings,
                previous.evidence,
                tools.clock().instant().truncatedTo(ChronoUnit.SECONDS),
                previous.complete && sweep.cut == null);
        return Reports.build(
                scope.name(),
                sweep.asOf,
                new DriftReport.Coverage(sweep.inScope, sweep.judged, sweep.cut == null),
                List.copyOf(sweep.policies),
                compared,
                applied.notes(),
                previous.findings == null ? null : previous.findings.runId(),
                notes);
    }

    /** The previous recorded run's findings (all pages within {@link #PREVIOUS_PAGES}), or none. */
    private record Previous(PreviousFindings findings, String evidence, boolean complete) {}

    private Previous previous(DriftScope scope, List<String> notes) {
        List<PreviousFindings.Item> items = new ArrayList<>();
        PreviousFindings first = null;
        String evidence = null;
        String cursor = null;
        for (int page = 0; page < PREVIOUS_PAGES; page++) {
            ObjectNode a = args("agent", DriftAgent.NAME).put("scope", scope.name());
            if (cursor != null) {
                a.put("cursor", cursor);
            }
            Optional<Evidence> e = tools.data("previous_findings", a);
            if (e.isEmpty()) {
                break;
            }
            PreviousFindings p = e.get().as(PreviousFindings.class);
            first = first == null ? p : first;
            evidence = evidence == null ? e.get().id() : evidence;
            items.addAll(p.findings());
            cursor = p.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        if (first == null) {
            return new Previous(null, null, true);
        }
        boolean complete = items.size() >= first.total();
        if (!complete) {
            notes.add("read " + items.size() + " of the " + first.total() + " findings of " + first.runId()
                    + ": findings past them may show as new, and none is reported resolved");
        }
        return new Previous(
                new PreviousFindings(first.runId(), first.finishedAt(), items, first.total(), null),
                evidence,
                complete);
    }

    /** One finding per fingerprint (a lineage finding can be reached from two source columns). */
    private static List<DriftFinding> dedupe(List<DriftFinding> found) {
        Map<String, DriftFinding> out = new LinkedHashMap<>();
        found.forEach(f -> out.putIfAbsent(f.fingerprint(), f));
        return List.copyOf(out.values());
    }

    private static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static MeshpilotException refused(Evidence e, DriftScope scope) {
        ErrorCode code = switch (e.result().status()) {
            case DENIED -> ErrorCode.SANDBOX_DENIED;
            case TIMEOUT -> ErrorCode.TOOL_TIMEOUT;
            default -> ErrorCode.NOT_FOUND;
        };
        return new MeshpilotException(
                code,
                "cannot check drift of " + scope.name() + ": " + e.result().message());
    }
}
