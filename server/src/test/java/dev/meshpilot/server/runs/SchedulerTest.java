package dev.meshpilot.server.runs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.ledger.RunLedger;
import dev.meshpilot.mesh.schedule.FireLeases;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.server.wiring.Sandbox;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler on a real SQLite store with the demo mesh, running the real drift agent through the gate. */
class SchedulerTest {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");
    static final Instant SIX = Instant.parse("2026-12-07T06:00:00Z");

    @TempDir
    static Path tmp;

    static Path db;
    static MeshStore store;
    static Sandbox sandbox;
    static WireMockServer hook;

    @BeforeAll
    static void setUp() {
        Assumptions.assumeTrue(Files.isDirectory(DEMO), "no demo mesh at " + DEMO + ": skipping");
        Path home = tmp.resolve("home");
        db = home.resolve("meshpilot.db");
        store = MeshStore.open(db);
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        sandbox = Sandbox.open(home, store);
        hook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        hook.start();
        hook.stubFor(post(urlEqualTo("/hooks/drift")).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void tearDown() {
        if (hook != null) {
            hook.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static Schedule schedule(String name, String scope, Schedule.Misfire misfire, URI webhook) {
        return new Schedule(
                name,
                "drift",
                scope,
                "0 6 * * *",
                ZoneId.of("UTC"),
                "meshpilot-scheduler",
                misfire,
                Duration.ofMinutes(5),
                webhook);
    }

    static SchedulerConfig config(Schedule... s) {
        return new SchedulerConfig(List.of(s), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(15));
    }

    @Test
    void should_run_a_fire_time_once_when_two_schedulers_share_one_store() throws Exception {
        SchedulerConfig c = config(schedule("twin", "payments", null, null));
        MutableClock clock = new MutableClock(SIX.plusSeconds(20));
        AtomicInteger runs = new AtomicInteger();
        Scheduler.Runs real = ScheduledRuns.through(sandbox, c);
        Scheduler.Runs counted = s -> {
            runs.incrementAndGet();
            return real.run(s);
        };
        MeshStore second = MeshStore.open(db);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Scheduler a = new Scheduler(c, store, "process-a", clock, counted);
                Scheduler b = new Scheduler(c, second, "process-b", clock, counted)) {
            Future<List<Scheduler.Outcome>> fa = pool.submit(() -> {
                together.await();
                return a.tick();
            });
            Future<List<Scheduler.Outcome>> fb = pool.submit(() -> {
                together.await();
                return b.tick();
            });
            List<String> what =
                    List.of(fa.get().getFirst().what(), fb.get().getFirst().what());
            assertThat(what).containsExactlyInAnyOrder("done", "held");
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs).hasValue(1);
        assertThat(new FireLeases(store, "x", Duration.ofMinutes(2))
                        .get("twin", SIX)
                        .orElseThrow())
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo("done");
                    assertThat(r.attempts()).isEqualTo(1);
                });
        assertThat(new RunLedger(store).list("drift", "payments", 10))
                .filteredOn(r -> r.trigger().equals("schedule:twin"))
                .hasSize(1);
    }

    @Test
    void should_take_over_a_fire_time_when_its_owner_died_mid_run() {
        SchedulerConfig c = config(schedule("orphan", "inventory", null, null));
        FireLeases dead = new FireLeases(store, "process-that-died", Duration.ofMinutes(2));
        assertThat(dead.claim("orphan", SIX, "schedule", SIX.plusSeconds(5))).isTrue();
        MutableClock clock = new MutableClock(SIX.plusSeconds(60));
        try (Scheduler live = new Scheduler(c, store, "process-live", clock, ScheduledRuns.through(sandbox, c))) {
            assertThat(live.tick().getFirst().what()).isEqualTo("held");
            clock.set(SIX.plus(Duration.ofMinutes(3)));
            Scheduler.Outcome o = live.tick().getFirst();
            assertThat(o.what()).isEqualTo("done");
            assertThat(live.history("orphan", 1).getFirst().attempts()).isEqualTo(2);
            assertThat(live.history("orphan", 1).getFirst().trigger())
                    .isEqualTo("schedule (taken over from process-that-died)");
            assertThat(live.tick().getFirst().what()).isEqualTo("done");
        }
        assertThat(dead.complete("orphan", SIX, SIX.plus(Duration.ofMinutes(4)), null, "{}", List.of()))
                .isEmpty();
    }

    @Test
    void should_close_an_earlier_fire_time_whose_run_died_once_a_later_one_is_due() {
        SchedulerConfig c = config(schedule("stale", "finance", null, null));
        FireLeases dead = new FireLeases(store, "process-gone", Duration.ofMinutes(2));
        assertThat(dead.claim("stale", SIX, "schedule", SIX.plusSeconds(5))).isTrue();
        Instant nextDay = SIX.plus(Duration.ofDays(1));
        MutableClock clock = new MutableClock(nextDay.plusSeconds(30));
        try (Scheduler live = new Scheduler(c, store, "process-live", clock, ScheduledRuns.through(sandbox, c))) {
            assertThat(live.tick().getFirst().fireTime()).isEqualTo(nextDay);
            var history = live.history("stale", 5);
            var earlier = history.stream()
                    .filter(r -> r.fireTime().equals(SIX))
                    .findFirst()
                    .orElseThrow();
            assertThat(earlier.status()).isEqualTo("missed");
            assertThat(earlier.error()).contains("its run by process-gone stopped");
            assertThat(history.stream()
                            .filter(r -> r.fireTime().equals(nextDay))
                            .findFirst()
                            .orElseThrow()
                            .status())
                    .isEqualTo("done");
        }
    }

    @Test
    void should_record_a_late_fire_time_as_missed_when_the_misfire_policy_is_skip() {
        SchedulerConfig c = config(schedule("late-skip", "finance", Schedule.Misfire.skip, null));
        AtomicInteger runs = new AtomicInteger();
        try (Scheduler s = new Scheduler(c, store, "p", new MutableClock(SIX.plus(Duration.ofMinutes(30))), x -> {
            runs.incrementAndGet();
            throw new IllegalStateException("must not run");
        })) {
            assertThat(s.tick().getFirst().what()).isEqualTo("missed");
            assertThat(s.tick().getFirst().what()).isEqualTo("missed");
        }
        assertThat(runs).hasValue(0);
    }

    @Test
    void should_run_a_late_fire_time_once_when_the_misfire_policy_is_run_once() {
        SchedulerConfig c = config(schedule("late-once", "finance", Schedule.Misfire.run_once, null));
        try (Scheduler s = new Scheduler(
                c, store, "p", new MutableClock(SIX.plus(Duration.ofHours(3))), ScheduledRuns.through(sandbox, c))) {
            assertThat(s.tick().getFirst().what()).isEqualTo("done");
            assertThat(s.tick().getFirst().what()).isEqualTo("done");
            assertThat(s.history("late-once", 5))
                    .hasSize(1)
                    .first()
                    .satisfies(r -> assertThat(r.trigger()).isEqualTo("misfire (run-once)"));
        }
    }

    @Test
    void should_notify_the_webhook_once_and_only_of_new_or_resolved_findings() {
        URI url = URI.create(hook.baseUrl() + "/hooks/drift");
        SchedulerConfig c = config(schedule("notify", "customers", null, url));
        MutableClock clock = new MutableClock(SIX.plusSeconds(10));
        try (Scheduler s = new Scheduler(c, store, "p", clock, ScheduledRuns.through(sandbox, c))) {
            assertThat(s.tick().getFirst().detail()).isEqualTo("sent (HTTP 204)");
            assertThat(s.tick().getFirst().what()).isEqualTo("done");
            clock.set(SIX.plus(Duration.ofDays(1)).plusSeconds(10));
            Scheduler.Outcome nextDay = s.tick().getFirst();
            assertThat(nextDay.what()).isEqualTo("done");
            assertThat(nextDay.detail()).isEqualTo("nothing new or resolved: not sent");
        }
        hook.verify(
                1,
                postRequestedFor(urlEqualTo("/hooks/drift"))
                        .withHeader("Idempotency-Key", equalTo("notify@" + SIX))
                        .withRequestBody(matchingJsonPath("$.new[?(@.policy == 'pii-access-restricted')]"))
                        .withRequestBody(matchingJsonPath("$.runId")));
    }

    @Test
    void should_record_a_failed_notification_once_and_not_resend_it_when_the_webhook_errs() {
        hook.stubFor(post(urlEqualTo("/hooks/broken")).willReturn(aResponse().withStatus(500)));
        URI url = URI.create(hook.baseUrl() + "/hooks/broken");
        SchedulerConfig c = config(schedule("broken-hook", "orders", null, url));
        try (Scheduler s =
                new Scheduler(c, store, "p", new MutableClock(SIX.plusSeconds(5)), ScheduledRuns.through(sandbox, c))) {
            assertThat(s.tick().getFirst().detail()).startsWith("failed: HTTP 500");
            assertThat(s.tick().getFirst().what()).isEqualTo("done");
            assertThat(s.history("broken-hook", 1).getFirst().notified()).startsWith("failed: HTTP 500");
        }
        hook.verify(3, postRequestedFor(urlEqualTo("/hooks/broken")));
    }

    @Test
    void should_preview_the_next_fire_times_in_the_schedule_time_zone() {
        Schedule berlin = new Schedule(
                "b",
                "drift",
                "mesh",
                "30 6 * * 1-5",
                ZoneId.of("Europe/Berlin"),
                "meshpilot-scheduler",
                null,
                null,
                null);
        assertThat(berlin.next(Instant.parse("2026-12-04T12:00:00Z"), 3))
                .containsExactly(
                        Instant.parse("2026-12-07T05:30:00Z"),
                        Instant.parse("2026-12-08T05:30:00Z"),
                        Instant.parse("2026-12-09T05:30:00Z"));
    }

    @Test
    void should_refuse_a_schedule_that_runs_as_a_user_or_names_an_unknown_agent() {
        Schedule asUser = new Schedule("u", "drift", "mesh", "0 6 * * *", ZoneId.of("UTC"), "alice", null, null, null);
        assertThatThrownBy(() -> ScheduledRuns.through(sandbox, config(asUser)))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("service principal");
        Schedule unknown = new Schedule(
                "x", "forecast", "mesh", "0 6 * * *", ZoneId.of("UTC"), "meshpilot-scheduler", null, null, null);
        assertThatThrownBy(() -> ScheduledRuns.through(sandbox, config(unknown)))
                .hasMessageContaining("no agent forecast")
                .hasMessageContaining("drift");
    }

    @Test
    void should_name_the_field_when_a_cron_expression_is_invalid() {
        assertThatThrownBy(() -> new Schedule(
                        "bad",
                        "drift",
                        "mesh",
                        "0 25 * * *",
                        ZoneId.of("UTC"),
                        "meshpilot-scheduler",
                        null,
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("five-field cron");
    }
}
