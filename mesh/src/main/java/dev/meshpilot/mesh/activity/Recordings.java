package dev.meshpilot.mesh.activity;

import dev.meshpilot.mesh.anomaly.AnomalyRules;
import dev.meshpilot.mesh.store.MeshStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads every series of one product from the store into a {@link Recorded}: the metric points of its datasets,
 * the schema changes of their observed schemas, {@code run_duration_s} and {@code end_offset_s} (seconds after
 * 00:00 UTC of the day a completed run ended) of its newest {@link #MAX_RUNS} completed runs, and
 * {@code failed_checks} per check time. Thread-safe.
 */
public final class Recordings {
    /** Completed runs read per product, newest first; quality results read: ten times as many. */
    public static final int MAX_RUNS = 500;

    private final Activity activity;
    private final AnomalyRules rules;

    public Recordings(MeshStore store) {
        this.activity = new Activity(store);
        this.rules = new AnomalyRules(store);
    }

    /** Every point of the product from {@code since} to {@code until} (each open when null); empty when none. */
    public Optional<Recorded> read(String product, Instant since, Instant until) {
        List<Recorded.Track> out = new ArrayList<>();
        Builder current = null;
        List<MetricPoint> points = new ArrayList<>(activity.history(product, since, until));
        points.addAll(activity.schemaChanges(product, since, until)); // sorted by column, then time
        for (MetricPoint p : points) {
            String column = p.column() == null || p.column().isEmpty() ? null : p.column();
            if (current == null || !current.metric.equals(p.metric()) || !Objects.equals(current.column, column)) {
                if (current != null) {
                    out.add(current.build());
                }
                current = new Builder(p.metric(), column);
            }
            current.add(p.at().getEpochSecond(), p.value());
        }
        if (current != null) {
            out.add(current.build());
        }
        boolean capped = runSeries(product, since, until, out);
        capped |= checkSeries(product, since, until, out);
        if (out.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Recorded(product, out, rules.forProduct(product), capped));
    }

    /** Adds the run series; whether the read limit cut older runs. */
    private boolean runSeries(String product, Instant since, Instant until, List<Recorded.Track> out) {
        Builder duration = new Builder("run_duration_s", null);
        Builder end = new Builder("end_offset_s", null);
        List<RunRecord> runs = activity.runs(product, "COMPLETED", until, 0, MAX_RUNS);
        for (RunRecord r : runs.reversed()) {
            if (r.endedAt() == null
                    || (since != null && r.endedAt().isBefore(since))
                    || (until != null && r.endedAt().isAfter(until))) {
                continue;
            }
            long t = r.endedAt().getEpochSecond();
            if (r.duration() != null) {
                duration.add(t, r.duration().toMillis() / 1000.0);
            }
            end.add(t, (double) (t - r.endedAt().truncatedTo(ChronoUnit.DAYS).getEpochSecond()));
        }
        duration.addTo(out);
        end.addTo(out);
        return runs.size() == MAX_RUNS;
    }

    /** {@code failed_checks}: how many assertions failed at each check time; whether the read limit cut any. */
    private boolean checkSeries(String product, Instant since, Instant until, List<Recorded.Track> out) {
        TreeMap<Instant, Integer> failed = new TreeMap<>();
        List<QualityRecord> results = activity.quality(product, false, 0, MAX_RUNS * 10);
        for (QualityRecord q : results) {
            if ((since == null || !q.at().isBefore(since)) && (until == null || !q.at().isAfter(until))) {
                failed.merge(q.at(), q.success() ? 0 : 1, Integer::sum);
            }
        }
        Builder b = new Builder("failed_checks", null);
        failed.forEach((at, n) -> b.add(at.getEpochSecond(), n));
        b.addTo(out);
        return results.size() == MAX_RUNS * 10;
    }

    private static final class Builder {
        final String metric;
        final String column;
        long[] at = new long[16];
        double[] values = new double[16];
        int size;

        Builder(String metric, String column) {
            this.metric = metric;
            this.column = column;
        }

        void add(long t, double v) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            at[size] = t;
            values[size++] = v;
        }

        Recorded.Track build() {
            return new Recorded.Track(metric, column, Arrays.copyOf(at, size), Arrays.copyOf(values, size));
        }

        void addTo(List<Recorded.Track> out) {
            if (size > 0) {
                out.add(build());
            }
        }
    }
}
