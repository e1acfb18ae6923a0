package dev.meshpilot.agents.drift;

import dev.meshpilot.agents.drift.DriftReport.Resolved;
import dev.meshpilot.tools.history.PreviousFindings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares findings with the previous recorded run of the same scope by fingerprint: {@code new} (first seen
 * now), {@code persisting} (first seen then), {@code reopened} (excepted before, open now); an open finding of
 * the previous run that is gone is {@code resolved} — only when both runs were read whole ({@code complete}): a
 * finding outside a partial sweep is unknown, not resolved. Excepted findings stay {@code excepted}.
 */
final class Lifecycle {
    record Compared(List<DriftFinding> findings, List<Resolved> resolved) {}

    private Lifecycle() {}

    static Compared compare(
            List<DriftFinding> current, PreviousFindings previous, String evidence, Instant now, boolean complete) {
        Map<String, PreviousFindings.Item> before = previous == null
                ? Map.of()
                : previous.findings().stream()
                        .collect(
                                Collectors.toMap(PreviousFindings.Item::fingerprint, Function.identity(), (a, b) -> a));
        List<DriftFinding> out = new ArrayList<>();
        for (DriftFinding f : current) {
            PreviousFindings.Item p = before.get(f.fingerprint());
            Instant first = p == null ? now : p.firstSeen();
            String state;
            if (!f.open()) {
                state = "excepted";
            } else if (p == null) {
                state = "new";
            } else {
                state = p.state().equals("excepted") ? "reopened" : "persisting";
            }
            out.add(f.with(state, first, f.exception()));
        }
        Set<String> now2 = current.stream().map(DriftFinding::fingerprint).collect(Collectors.toSet());
        List<Resolved> resolved = new ArrayList<>();
        for (PreviousFindings.Item p : complete ? before.values() : List.<PreviousFindings.Item>of()) {
            if (!now2.contains(p.fingerprint()) && !p.state().equals("excepted")) {
                resolved.add(new Resolved(p.fingerprint(), p.title(), p.level(), p.firstSeen(), List.of(evidence)));
            }
        }
        resolved.sort(java.util.Comparator.comparing(Resolved::fingerprint));
        return new Compared(out, resolved);
    }
}
