package dev.meshpilot.mesh.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.schedule.FireLeases;
import dev.meshpilot.mesh.schedule.FireRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Concurrency on each engine (see {@link StoreSuite}): schedule fire leases (one claim per fire time, takeover only
 * of a lease that ran out, exactly one winner when processes race) and writers in several processes at once
 * (one incident per fingerprint, runs numbered without gaps or repeats).
 */
abstract class StoreLeaseSuite extends StoreSuite {
    static final Instant FIRE = Instant.parse("2026-12-01T06:00:00Z");
    static final Duration TTL = Duration.ofMinutes(5);

    @Test
    void should_let_one_process_claim_a_fire_time_and_another_take_it_over_only_after_the_lease_ran_out() {
        FireLeases a = new FireLeases(store, "host-a", TTL);
        FireLeases b = new FireLeases(another(), "host-b", TTL);

        assertThat(a.claim("nightly", FIRE, "schedule", FIRE)).isTrue();
        assertThat(b.claim("nightly", FIRE, "schedule", FIRE.plusSeconds(60))).isFalse();
        assertThat(a.heartbeat("nightly", FIRE, FIRE.plusSeconds(120))).isTrue();
        assertThat(b.claim("nightly", FIRE, "schedule", FIRE.plusSeconds(400)))
                .as("lease renewed")
                .isFalse();
        assertThat(b.claim("nightly", FIRE, "schedule", FIRE.plusSeconds(1000))).isTrue();
        assertThat(a.heartbeat("nightly", FIRE, FIRE.plusSeconds(1001)))
                .as("taken over")
                .isFalse();

        FireRecord r = a.get("nightly", FIRE).orElseThrow();
        assertThat(r.owner()).isEqualTo("host-b");
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.status()).isEqualTo("running");
    }

    @Test
    void should_record_a_missed_fire_time_once_and_never_claim_it() {
        FireLeases a = new FireLeases(store, "host-a", TTL);

        assertThat(a.missed("nightly", FIRE, FIRE, "skipped")).isTrue();
        assertThat(a.missed("nightly", FIRE, FIRE, "skipped")).isFalse();
        assertThat(a.claim("nightly", FIRE, "schedule", FIRE.plusSeconds(1000))).isFalse();
        assertThat(a.history("nightly", 10)).extracting(FireRecord::status).containsExactly("missed");
    }

    @Test
    void should_give_a_fire_time_to_exactly_one_of_many_processes_claiming_it_at_once() throws Exception {
        int processes = 6;
        List<FireLeases> leases = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            leases.add(new FireLeases(another(), "host-" + i, TTL));
        }
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            for (int round = 0; round < 5; round++) {
                Instant fire = FIRE.plus(Duration.ofHours(round));
                List<Callable<Boolean>> claims = new ArrayList<>();
                leases.forEach(l -> claims.add(() -> l.claim("race", fire, "schedule", fire)));
                int won = 0;
                for (Future<Boolean> f : pool.invokeAll(claims)) {
                    won += f.get() ? 1 : 0;
                }
                assertThat(won).as("winners of round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_open_one_incident_and_number_runs_uniquely_when_processes_write_at_once() throws Exception {
        product(store, "payments.transactions", "bigquery", "acme.payments.transactions");
        int processes = 6;
        List<Callable<Object>> writes = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            MeshStore other = another();
            String time = "2026-11-25T0" + i + ":00:00Z";
            writes.add(() -> new dev.meshpilot.mesh.openlineage.LineageIngestor()
                    .ingest(
                            other,
                            List.of(StoreSuiteEvents.fail(
                                    java.util.UUID.randomUUID().toString(), time))));
            writes.add(() -> new dev.meshpilot.mesh.ledger.RunLedger(other)
                    .record(
                            new dev.meshpilot.mesh.ledger.RecordedRun(
                                    null, "drift", "mesh", "p", "cli", FIRE, FIRE, "h"),
                            "{}",
                            List.of()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(processes * 2);
        try {
            for (Future<Object> f : pool.invokeAll(writes)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(rows("SELECT id, event_count FROM incident"))
                .singleElement()
                .satisfies(r ->
                        assertThat(((Number) r.get("event_count")).intValue()).isEqualTo(processes));
        assertThat(new dev.meshpilot.mesh.ledger.RunLedger(store).list("drift", null, 100))
                .extracting(dev.meshpilot.mesh.ledger.RecordedRun::id)
                .containsExactlyInAnyOrder("drift-1", "drift-2", "drift-3", "drift-4", "drift-5", "drift-6");
    }
}
