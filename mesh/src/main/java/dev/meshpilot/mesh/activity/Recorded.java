package dev.meshpilot.mesh.activity;

import dev.meshpilot.mesh.anomaly.AnomalyRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every series recorded for one product, in primitive arrays: what the {@code metric_history} tool returns
 * before it is boxed into JSON, and what the anomaly detector scans. Kept in memory between sweeps by
 * {@link HistoryCache};
 * immutable by convention (the arrays are never written after construction).
 *
 * @param tracks one per metric (and column): the metric points by metric and column, then schema changes by
 *     column, then {@code run_duration_s}, {@code end_offset_s} and {@code failed_checks}
 * @param rules what anomalies.yaml declares for the product
 * @param capped whether the runs or quality results were cut at their read limit, so that a window ending before
 *     the newest point may miss older points that a read ending there would have found
 */
public record Recorded(String product, List<Track> tracks, List<AnomalyRule> rules, boolean capped) {
    public Recorded {
        tracks = List.copyOf(tracks);
        rules = List.copyOf(rules);
    }

    /** One series: times (epoch seconds, oldest first) beside their values. */
    public record Track(String metric, String column, long[] at, double[] values) {
        /** The points in [since, until], each bound open when null; this track itself when all are in. */
        public Track slice(Instant since, Instant until) {
            int from = since == null ? 0 : firstAtOrAfter(at, since.getEpochSecond());
            int to = until == null ? at.length : firstAtOrAfter(at, until.getEpochSecond() + 1);
            if (from == 0 && to == at.length) {
                return this;
            }
            return new Track(
                    metric,
                    column,
                    Arrays.copyOfRange(at, from, Math.max(from, to)),
                    Arrays.copyOfRange(values, from, Math.max(from, to)));
        }

        private static int firstAtOrAfter(long[] sorted, long t) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** Points held, over all tracks. */
    public long points() {
        long n = 0;
        for (Track t : tracks) {
            n += t.at().length;
        }
        return n;
    }

    /** The newest point of any track, epoch seconds; {@link Long#MIN_VALUE} when there is none. */
    public long newest() {
        long n = Long.MIN_VALUE;
        for (Track t : tracks) {
            if (t.at().length > 0) {
                n = Math.max(n, t.at()[t.at().length - 1]);
            }
        }
        return n;
    }

    /**
     * Whether {@link #slice} over a window ending at {@code until} gives what a read ending there would: always,
     * unless a read limit cut the older runs or checks and the window ends before the newest point.
     */
    public boolean covers(Instant until) {
        return !capped || until == null || until.getEpochSecond() >= newest();
    }

    /** The points in [since, until] (each bound open when null); tracks left empty are dropped. */
    public Recorded slice(Instant since, Instant until) {
        if (since == null && until == null) {
            return this;
        }
        List<Track> in = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            Track s = t.slice(since, until);
            if (s.at().length > 0) {
                in.add(s);
            }
        }
        return new Recorded(product, in, rules, capped);
    }
}
