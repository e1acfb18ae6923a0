package dev.meshpilot.agents.drift;

import dev.meshpilot.agents.drift.DriftReport.ExceptionNote;
import dev.meshpilot.tools.catalog.PolicyList.ExceptionView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the policies' exceptions: a finding an active exception covers is {@code excepted}; one whose only
 * exception expired stays open and says so; an exception that covers no finding of a product in scope is
 * reported as {@code unmatched} (stale, or its subject was misspelled).
 */
final class Exceptions {
    record Applied(List<DriftFinding> findings, List<ExceptionNote> notes) {}

    private Exceptions() {}

    static Applied apply(List<DriftFinding> findings, Map<String, Rule> rules, Set<String> inScope, LocalDate today) {
        List<DriftFinding> out = new ArrayList<>();
        List<ExceptionNote> notes = new ArrayList<>();
        Set<ExceptionView> used = new java.util.HashSet<>();
        for (DriftFinding f : findings) {
            Rule rule = rules.get(f.policy());
            List<ExceptionView> covering = rule.exceptions().stream()
                    .filter(e -> e.product().equals(f.asset())
                            && (e.subject() == null || e.subject().equals(f.subject())))
                    .toList();
            used.addAll(covering);
            var active = covering.stream()
                    .filter(e -> !today.isAfter(LocalDate.parse(e.expires())))
                    .findFirst();
            if (active.isPresent()) {
                ExceptionView e = active.get();
                out.add(f.with(
                        "excepted", f.firstSeen(), e.owner() + ": " + e.reason() + " (until " + e.expires() + ")"));
            } else if (!covering.isEmpty()) {
                ExceptionView e = covering.getFirst();
                out.add(f.with(
                        f.state(),
                        f.firstSeen(),
                        "expired " + e.expires() + " (" + e.owner() + ": " + e.reason() + ")"));
                notes.add(note(rule, e, "expired"));
            } else {
                out.add(f);
            }
        }
        for (Rule rule : rules.values()) {
            for (ExceptionView e : rule.exceptions()) {
                if (!used.contains(e) && inScope.contains(e.product())) {
                    notes.add(note(rule, e, "unmatched"));
                }
            }
        }
        return new Applied(out, notes);
    }

    private static ExceptionNote note(Rule rule, ExceptionView e, String status) {
        return new ExceptionNote(
                rule.id(),
                e.product(),
                e.subject(),
                e.owner(),
                e.reason(),
                e.expires(),
                status,
                List.of(rule.evidence()));
    }
}
