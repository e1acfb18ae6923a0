package dev.meshpilot.agents.drift;

import dev.meshpilot.agents.drift.DriftReport.ExceptionNote;
import dev.meshpilot.tools.policy.PolicyCheck;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the policies' exceptions: a finding an active exception covers is {@code excepted}; one whose only
 * exception expired stays open and says so; an exception on a judged product that covers no finding is
 * reported as {@code unmatched} (stale, or its subject was misspelled).
 */
final class Exceptions {
    /** An exception as {@code check_policies} returned it, with the id of the evidence it came in. */
    record Seen(PolicyCheck.Exception exception, String evidence) {}

    record Applied(List<DriftFinding> findings, List<ExceptionNote> notes) {}

    private Exceptions() {}

    static Applied apply(List<DriftFinding> findings, List<Seen> exceptions, LocalDate today) {
        List<DriftFinding> out = new ArrayList<>();
        List<ExceptionNote> notes = new ArrayList<>();
        Set<Seen> used = new HashSet<>();
        for (DriftFinding f : findings) {
            List<Seen> covering = exceptions.stream()
                    .filter(s -> s.exception().policy().equals(f.policy())
                            && s.exception().product().equals(f.asset())
                            && (s.exception().subject() == null
                                    || s.exception().subject().equals(f.subject())))
                    .toList();
            used.addAll(covering);
            var active = covering.stream()
                    .filter(s -> !today.isAfter(LocalDate.parse(s.exception().expires())))
                    .findFirst();
            if (active.isPresent()) {
                PolicyCheck.Exception e = active.get().exception();
                out.add(f.with(
                        "excepted", f.firstSeen(), e.owner() + ": " + e.reason() + " (until " + e.expires() + ")"));
            } else if (!covering.isEmpty()) {
                Seen s = covering.getFirst();
                PolicyCheck.Exception e = s.exception();
                out.add(f.with(
                        f.state(),
                        f.firstSeen(),
                        "expired " + e.expires() + " (" + e.owner() + ": " + e.reason() + ")"));
                notes.add(note(s, "expired"));
            } else {
                out.add(f);
            }
        }
        for (Seen s : exceptions) {
            if (!used.contains(s)) {
                notes.add(note(s, "unmatched"));
            }
        }
        return new Applied(out, notes);
    }

    private static ExceptionNote note(Seen s, String status) {
        PolicyCheck.Exception e = s.exception();
        return new ExceptionNote(
                e.policy(),
                e.product(),
                e.subject(),
                e.owner(),
                e.reason(),
                e.expires(),
                status,
                List.of(s.evidence()));
    }
}
