package dev.meshpilot.agents.triage;

import static dev.meshpilot.agents.kit.DataChecks.args;

import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.tools.activity.RecentRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pattern 3 of issue #16 (a recovered flap): a run that failed and succeeded on retry soon after, with no stale
 * data downstream, has no blast radius now. Recovered means: the product's latest run at the onset failed; a
 * later run of the same job completed within {@link #RETRY_WINDOW} of the failure and is the newest run; and,
 * when the product declares a freshness SLO, the retry ended within it counted from the success before the
 * failure, so no consumer read data older than promised. A failure whose cause is bad data upstream is never
 * recovered by a retry of this job (the retry rewrote the same bad data): the caller checks the cause.
 */
final class Recovery {
    static final Duration RETRY_WINDOW = Duration.ofHours(3);

    /** What was found: when the retry completed, and the evidence. */
    record Recovered(Instant at, String job, String evidence) {
        String sentence() {
            return "The failed run recovered: " + job + " succeeded on retry at " + at
                    + ", within its freshness SLO, so nothing downstream read stale or wrong data; no blast radius now.";
        }
    }

    private Recovery() {}

    /** When a run started, or ended when only its end was reported. */
    private static Instant when(RecentRuns.Run r) {
        return r.startedAt() != null ? r.startedAt() : r.endedAt();
    }

    static Optional<Recovered> check(
            ToolBox tools, String product, Optional<Evidence> runsAtOnset, Optional<Evidence> prod) {
        Optional<RecentRuns.Run> failed =
                runsAtOnset.flatMap(r -> r.as(RecentRuns.class).latest()).filter(RecentRuns.Run::failed);
        if (failed.isEmpty() || when(failed.get()) == null) {
            return Optional.empty();
        }
        RecentRuns.Run f = failed.get();
        Instant failedAt = f.endedAt() != null ? f.endedAt() : f.startedAt();
        Optional<Evidence> now =
                tools.data("recent_runs", args("product", product).put("limit", 10));
        if (now.isEmpty()) {
            return Optional.empty();
        }
        RecentRuns all = now.get().as(RecentRuns.class);
        Optional<RecentRuns.Run> newest = all.latest();
        if (newest.isEmpty()
                || newest.get().failed()
                || !"COMPLETED".equals(newest.get().state())
                || newest.get().endedAt() == null
                || !java.util.Objects.equals(newest.get().job(), f.job())
                || !newest.get().endedAt().isAfter(failedAt)
                || newest.get().endedAt().isAfter(failedAt.plus(RETRY_WINDOW))) {
            return Optional.empty();
        }
        Instant retried = newest.get().endedAt();
        Instant before = runsAtOnset.get().as(RecentRuns.class).lastSuccessAt();
        Optional<Duration> slo = prod.flatMap(p -> p.as(ProductView.class).freshness());
        if (slo.isPresent()
                && before != null
                && Duration.between(before, retried).compareTo(slo.get()) > 0) {
            return Optional.empty(); // consumers went past the promised freshness: stale data was read
        }
        return Optional.of(new Recovered(retried, f.job(), now.get().id()));
    }
}
