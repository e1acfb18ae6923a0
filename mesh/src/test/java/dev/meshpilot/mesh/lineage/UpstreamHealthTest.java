package dev.meshpilot.mesh.lineage;

import static dev.meshpilot.mesh.lineage.LineageFixtures.event;
import static dev.meshpilot.mesh.lineage.LineageFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.lineage.UpstreamHealth.Status;
import dev.meshpilot.mesh.lineage.UpstreamHealth.Suspect;
import dev.meshpilot.mesh.openlineage.LineageIngestor;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chain p.a → p.b → p.c → p.d, each with a PT26H freshness SLO: p.b's latest run failed (and it last
 * succeeded 32 hours before the clock), p.c last succeeded 31 hours before; p.a and p.d are fine.
 */
class UpstreamHealthTest {
    static final Instant AS_OF = Instant.parse("2026-11-25T09:00:00Z");
    static final String SLO = "[{\"kind\":\"freshness\",\"target\":\"PT26H\"}]";

    @TempDir
    Path tmp;

    MeshStore store;
    UpstreamHealth health;

    @BeforeEach
    void mesh() {
        store = MeshStore.open(tmp.resolve("m.db"));
        for (String p : List.of("a", "b", "c", "d")) {
            product(store, "p." + p, "ns", p, SLO);
        }
        List<RunEvent> events = new ArrayList<>();
        run(events, "ja", "raw/src", "ns/a", "2026-11-25T00:50:00Z", "COMPLETE", "2026-11-25T01:00:00Z", null);
        run(events, "jb", "ns/a", "ns/b", "2026-11-24T00:50:00Z", "COMPLETE", "2026-11-24T01:00:00Z", null);
        run(events, "jb", "ns/a", "ns/b", "2026-11-25T01:00:00Z", "FAIL", "2026-11-25T01:30:00Z", "boom");
        run(events, "jc", "ns/b", "ns/c", "2026-11-24T01:50:00Z", "COMPLETE", "2026-11-24T02:00:00Z", null);
        run(events, "jd", "ns/c", "ns/d", "2026-11-25T03:50:00Z", "COMPLETE", "2026-11-25T04:00:00Z", null);
        new LineageIngestor().ingest(store, events);
        health = new UpstreamHealth(store, LineageGraph.load(store));
    }

    static void run(
            List<RunEvent> events,
            String job,
            String in,
            String out,
            String start,
            String end,
            String endAt,
            String error) {
        UUID id = UUID.randomUUID();
        events.add(event("START", start, id, job, List.of(in), List.of(out), null));
        events.add(event(end, endAt, id, job, List.of(in), List.of(out), error));
    }

    @Test
    void should_put_the_farthest_failing_ancestor_first_and_mark_its_late_consumer_as_no_root() {
        List<Suspect> suspects = health.suspects("p.d", AS_OF, 10);

        assertThat(suspects).hasSize(2);
        assertThat(suspects.get(0))
                .isEqualTo(new Suspect(
                        "p.b",
                        2,
                        List.of("p.d", "p.c", "p.b"),
                        Status.FAILED_AND_LATE,
                        "FAILED",
                        Instant.parse("2026-11-25T01:30:00Z"),
                        "boom",
                        Instant.parse("2026-11-24T01:00:00Z"),
                        Duration.ofHours(6),
                        true));
        assertThat(suspects.get(1)).satisfies(s -> {
            assertThat(s.productId()).isEqualTo("p.c");
            assertThat(s.status()).isEqualTo(Status.LATE);
            assertThat(s.lateBy()).isEqualTo(Duration.ofHours(5));
            assertThat(s.errorMessage()).isNull();
            assertThat(s.root()).as("p.b, upstream of it, is a suspect").isFalse();
        });
    }

    @Test
    void should_judge_roots_within_the_depth_walked() {
        assertThat(health.suspects("p.d", AS_OF, 1))
                .singleElement()
                .satisfies(s -> assertThat(s.productId() + " " + s.root()).isEqualTo("p.c true"));
    }

    @Test
    void should_see_runs_as_they_stood_at_the_clock() {
        Instant duringTheFailedRun = Instant.parse("2026-11-25T01:10:00Z");

        assertThat(health.suspects("p.d", duringTheFailedRun, 10)).isEmpty();
        assertThat(health.suspects("p.c", Instant.parse("2026-11-25T03:00:01Z"), 10))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo(Status.FAILED_AND_LATE);
                    assertThat(s.lateBy()).isEqualTo(Duration.ofSeconds(1));
                });
    }
}
