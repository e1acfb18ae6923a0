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
    private final Scenarios scenarios;
    private final List<TriageTruth.Entry> truth = new java.util.ArrayList<>();

    EventWriter(MeshPlan plan) {
        this(plan, null, Scenarios.NONE);
    }

    /** With {@code metrics} (null: the plain volumes), rows, null counts and run times come from them. */
    EventWriter(MeshPlan plan, SyntheticMetrics metrics) {
        this(plan, metrics, Scenarios.NONE);
    }

    /**
     * With {@code scenarios} active, every run writes a null count, the last day's runs do what the scenarios
     * plant and none fails by chance, and every failed run's cause is recorded ({@link #truth()}).
     */
    EventWriter(MeshPlan plan, SyntheticMetrics metrics, Scenarios scenarios) {
        this.plan = plan;
        this.events = new RunEvents(plan);
        this.metrics = metrics;
        this.scenarios = scenarios;
    }

    /** The cause of every failed run written, when scenarios are active. */
    List<TriageTruth.Entry> truth() {
        return truth;
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
                int[] rootOf = new int[products.size()];
                String[] classOf = new String[products.size()];
                for (ProductPlan p : products) {
                    RunEvents.Run run = run(p, day, start, failed, rootOf, classOf);
                    this.events.write(g, p, run);
                    events += 2;
                    if (scenarios.active() && run.error() != null) {
                        boolean retried =
                                lastDay(day) && scenarios.effect(p.index()).retry();
                        truth.add(new TriageTruth.Entry(
                                p.id(),
                                run.end(),
                                plan.products().get(rootOf[p.index()]).id(),
                                classOf[p.index()],
                                retried,
                                lastDay(day) ? planted(p.index()) : null));
                        if (retried) {
                            Rng rng = Rng.of(plan.spec().seed(), "retry", p.index(), day);
                            Instant s = run.end().plusSeconds(600);
                            this.events.write(
                                    g,
                                    p,
                                    new RunEvents.Run(
                                            rng.uuid().toString(),
                                            run.nominal(),
                                            s,
                                            s.plusSeconds(900),
                                            Math.max(1, p.baseRows()),
                                            p.baseRows() * p.rowBytes(),
                                            null,
                                            Math.round(p.baseRows() * baseNulls(p.index()))));
                            events += 2;
                            failed[p.index()] = false; // the retry ran before any consumer read it
                        }
                    }
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

    private boolean lastDay(int day) {
        return scenarios.active() && day == plan.spec().days() - 1;
    }

    private String planted(int product) {
        return scenarios.planted().stream()
                .filter(x -> x.incident() == product)
                .map(x -> x.kind().name().toLowerCase(java.util.Locale.ROOT))
                .findFirst()
                .orElse(null);
    }

    /** A product's usual share of null first-column values when scenarios are active: 0.2% to 1%. */
    private double baseNulls(int product) {
        return 0.002 + 0.008 * Rng.of(plan.spec().seed(), "nulls", product).nextDouble();
    }

    private RunEvents.Run run(
            ProductPlan p, int day, Instant dayStart, boolean[] failed, int[] rootOf, String[] classOf) {
        Rng rng = Rng.of(plan.spec().seed(), "run", p.index(), day);
        String runId = rng.uuid().toString();
        Instant nominal = dayStart.plusSeconds(
                WINDOW_SECONDS * p.index() / plan.products().size());
        Instant start = nominal.plusSeconds(rng.nextInt(300));
        Instant end = start.plusSeconds(rng.between(60, 2700));
        int primary = p.source() ? -1 : plan.lineage().upstream(p.index(), 0);
        Failure failure = null;
        boolean chance = rng.chance(FAIL_RATE);
        if (chance && !lastDay(day)) {
            failure = Failure.ownCause(rng);
        } else if (primary >= 0 && failed[primary] && rng.chance(CASCADE_RATE)) {
            failure = Failure.UPSTREAM_LATE;
        }
        failed[p.index()] = failure != null;
        rootOf[p.index()] = failure == Failure.UPSTREAM_LATE ? rootOf[primary] : p.index();
        classOf[p.index()] =
                failure == Failure.UPSTREAM_LATE ? classOf[primary] : failure == null ? null : failure.wireName();
        String upstream = primary < 0 ? null : plan.products().get(primary).dataset();
        String error = failure == null ? null : failure.describe(p, upstream, rng);
        Scenarios.Effect effect = lastDay(day) ? scenarios.effect(p.index()) : Scenarios.Effect.NONE;
        if (effect.error() != null) {
            error = effect.error();
            failed[p.index()] = true;
            Scenarios.Planted x = scenarios.planted().stream()
                    .filter(t -> t.incident() == p.index())
                    .findFirst()
                    .orElseThrow();
            rootOf[p.index()] = x.root();
            classOf[p.index()] = x.errorClass();
        }
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
        double volume = (1 + 0.002 * day) * (0.97 + 0.06 * rng.nextDouble()) * effect.rowsFactor();
        long rows = Math.max(1, Math.round(p.baseRows() * volume));
        if (!scenarios.active()) {
            return new RunEvents.Run(runId, nominal, start, end, rows, rows * p.rowBytes(), error);
        }
        double share =
                effect.nullShare() >= 0 ? effect.nullShare() : baseNulls(p.index()) * (0.8 + 0.4 * rng.nextDouble());
        return new RunEvents.Run(
                runId,
                nominal,
                start,
                end,
                rows,
                rows * p.rowBytes(),
                error,
                Math.round(rows * share),
                effect.renamed());
    }
}
