package dev.meshpilot.agents.triage;

import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.mesh.view.IncidentView;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.tools.activity.QualityResults;
import dev.meshpilot.tools.activity.RecentRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the problem an incident reports began, so that the rest of the triage is judged at that moment:
 *
 * <ul>
 *   <li>an incident opened by a failed check (its fingerprint is {@code quality_failed:<product>:<check>}) began
 *       with that check's latest failure within two days before the opening;
 *   <li>a report not tied to a check (opened by hand, by an alert or a failed run) began with the product's
 *       latest failed check within two days — unless the product is past its freshness SLO at the opening: then
 *       what the reporter sees is the load that did not come, which an older check on data that did come does
 *       not explain (pattern: the newest symptom wins for an unanchored report; an older, already-reported bad
 *       load is not the reason today's load is missing);
 *   <li>otherwise its latest run, when that run failed; else the opening time.
 * </ul>
 */
final class Onset {
    static final String CHECK_FINGERPRINT = "quality_failed:";

    private Onset() {}

    static Instant of(
            IncidentView incident, Optional<Evidence> prod, Optional<Evidence> failedChecks, Optional<Evidence> runs) {
        Instant opened = incident.openedAt();
        String fingerprint = incident.fingerprint();
        String check = fingerprint != null && fingerprint.startsWith(CHECK_FINGERPRINT + incident.product() + ":")
                ? fingerprint.substring((CHECK_FINGERPRINT + incident.product() + ":").length())
                : null;
        Optional<Instant> failedCheck = failedChecks.flatMap(q -> latestFailure(q, opened, check));
        if (failedCheck.isPresent() && (check != null || !staleAt(opened, prod, runs))) {
            return failedCheck.get();
        }
        Optional<RecentRuns.Run> latest =
                runs.flatMap(r -> r.as(RecentRuns.class).latest());
        if (latest.isPresent() && latest.get().failed()) {
            Instant at = latest.get().endedAt() != null
                    ? latest.get().endedAt()
                    : latest.get().startedAt();
            if (at != null) {
                return at.isAfter(opened) ? opened : at;
            }
        }
        return opened;
    }

    /** The newest failed check within the window before {@code opened}; {@code check}'s own when it is named. */
    private static Optional<Instant> latestFailure(Evidence failedChecks, Instant opened, String check) {
        Optional<Instant> any = Optional.empty();
        for (QualityResults.Result q : failedChecks.as(QualityResults.class).results()) { // newest first
            Instant at = q.at();
            if (at.isAfter(opened) || !at.isAfter(opened.minus(TriagePlaybook.FAILURE_WINDOW))) {
                continue;
            }
            if (check == null || check.equals(q.assertion())) {
                return Optional.of(at);
            }
            any = any.isPresent() ? any : Optional.of(at);
        }
        return any;
    }

    /** Whether the product's last successful run is older than its freshness SLO at {@code at}. */
    static boolean staleAt(Instant at, Optional<Evidence> prod, Optional<Evidence> runs) {
        if (prod.isEmpty() || runs.isEmpty()) {
            return false;
        }
        Optional<Duration> target = prod.get().as(ProductView.class).freshness();
        Instant last = runs.get().as(RecentRuns.class).lastSuccessAt();
        return target.isPresent() && last != null && Duration.between(last, at).compareTo(target.get()) > 0;
    }
}
