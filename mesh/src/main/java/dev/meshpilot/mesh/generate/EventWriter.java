package dev.meshpilot.mesh.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.meshpilot.core.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Streams the run events, one NDJSON file per day ({@code observed/events/<date>.ndjson}). Day {@code d}
 * of {@code D} starts {@code D - d} days before as-of; products run in lineage order spread over 18
 * hours, so every run ends before as-of. A run fails on its own with probability {@value #FAIL_RATE},
 * and a derived run whose primary input failed that day fails as {@link Failure#UPSTREAM_LATE} with
 * probability {@value #CASCADE_RATE}, so failures echo down the lineage. Only a flag per product is held
 * per day; events go straight to a buffered stream.
 */
final class EventWriter {
    static final double FAIL_RATE = 0.015;
    static final double CASCADE_RATE = 0.5;
    private static final long WINDOW_SECONDS = 18 * 3600;
    private static final JsonFactory JSON = new JsonFactory();

    private final MeshPlan plan;
    private final RunEvents events;
    private final SyntheticMetrics metrics;

    EventWriter(MeshPlan plan) {
        this(plan, null);
    }

    /** With {@code metrics} (null: the plain volumes), rows, null counts and run times come from them. */
    EventWriter(MeshPlan plan, SyntheticMetrics metrics) {
        this.plan = plan;
        this.events = new RunEvents(plan);
        this.metrics = metrics;
    }

    /** When the first day's runs begin. */
    static Instant windowStart(GeneratorSpec spec) {
        return spec.asOf().minus(Duration.ofDays(spec.days()));
    }

    /** Writes every day's file; returns the number of events written. */
    long write(Output out, Progress progress) {
        GeneratorSpec spec = plan.spec();
        List<ProductPlan> products = plan.products();
        long total = (long) spec.days() * products.size();
        long events = 0;
        for (int day = 0; day < spec.days(); day++) {
            Instant start = windowStart(spec).plus(Duration.ofDays(day));
            Path file =
                    out.file("observed/events/" + start.atOffset(ZoneOffset.UTC).toLocalDate() + ".ndjson");
            try (JsonGenerator g = JSON.createGenerator(
                    new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), JsonEncoding.UTF8)) {
                g.setRootValueSeparator(null);
                boolean[] failed = new boolean[products.size()];
                for (ProductPlan p : products) {
                    RunEvents.Run run = run(p, day, start, failed);
                    this.events.write(g, p, run);
                    events += 2;
                    long done = (long) day * products.size() + p.index() + 1;
                    if (done % 1000 == 0 && done < total) {
                        progress.update("events", done, total);
                    }
                }
            } catch (IOException e) {
                throw Output.failed(file, e);
            }
            out.counted(file);
        }
        progress.update("events", total, total);
        return events;
    }

    private RunEvents.Run run(ProductPlan p, int day, Instant dayStart, boolean[] failed) {
        Rng rng = Rng.of(plan.spec().seed(), "run", p.index(), day);
        String runId = rng.uuid().toString();
        Instant nominal = dayStart.plusSeconds(
                WINDOW_SECONDS * p.index() / plan.products().size());
        Instant start = nominal.plusSeconds(rng.nextInt(300));
        Instant end = start.plusSeconds(rng.between(60, 2700));
        int primary = p.source() ? -1 : plan.lineage().upstream(p.index(), 0);
        Failure failure = null;
        if (rng.chance(FAIL_RATE)) {
            failure = Failure.ownCause(rng);
        } else if (primary >= 0 && failed[primary] && rng.chance(CASCADE_RATE)) {
            failure = Failure.UPSTREAM_LATE;
        }
        failed[p.index()] = failure != null;
        String upstream = primary < 0 ? null : plan.products().get(primary).dataset();
        String error = failure == null ? null : failure.describe(p, upstream, rng);
        if (metrics != null) {
            int i = p.index();
            long rows = (long) metrics.value(SyntheticMetrics.ROW_COUNT, i, day);
            Instant done = start.plusSeconds(
                    (long) metrics.value(SyntheticMetrics.RUN_DURATION, i, day) + (long) metrics.late(i, day));
            long nulls = Math.round(rows * metrics.value(SyntheticMetrics.NULL_RATE, i, day));
            return new RunEvents.Run(
                    runId,
                    nominal,
                    start,
                    done,
                    rows,
                    (long) metrics.value(SyntheticMetrics.BYTES, i, day),
                    error,
                    nulls);
        }
        double volume = (1 + 0.002 * day) * (0.97 + 0.06 * rng.nextDouble());
        long rows = Math.max(1, Math.round(p.baseRows() * volume));
        return new RunEvents.Run(runId, nominal, start, end, rows, rows * p.rowBytes(), error);
    }
}
