package dev.meshpilot.server.runs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anomalies agent as a scheduled sweep: scope and window from the schedule, notifications of new groups only. */
class AnomaliesScheduleTest {
    static final Path DEMO = SchedulerTest.DEMO;
    static final Instant SIX = Instant.parse("2026-12-07T06:00:00Z");

    @TempDir
    static Path tmp;

    static MeshStore store;
    static Sandbox sandbox;
    static WireMockServer hook;

    @BeforeAll
    static void setUp() {
        Assumptions.assumeTrue(Files.isDirectory(DEMO), "no demo mesh at " + DEMO + ": skipping");
        Path home = tmp.resolve("home");
        store = MeshStore.open(home.resolve("meshpilot.db"));
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        sandbox = Sandbox.open(home, store);
        hook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        hook.start();
        hook.stubFor(post(urlEqualTo("/hooks/anomalies")).willReturn(aResponse().withStatus(204)));
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

    static Schedule sweep(String scope, Map<String, String> options, URI webhook) {
        return new Schedule(
                "anomaly-sweep",
                "anomalies",
                scope,
                "0 6 * * *",
                ZoneId.of("UTC"),
                "meshpilot-scheduler",
                null,
                Duration.ofMinutes(5),
                webhook,
                options);
    }

    static SchedulerConfig config(Schedule s) {
        return new SchedulerConfig(List.of(s), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(15));
    }

    @Test
    void should_sweep_the_scope_over_its_window_and_notify_only_new_groups_when_scheduled() {
        URI url = URI.create(hook.baseUrl() + "/hooks/anomalies");
        SchedulerConfig c = config(sweep("customers", Map.of("window", "P7D"), url));
        MutableClock clock = new MutableClock(SIX.plusSeconds(10));
        try (Scheduler s = new Scheduler(c, store, "p", clock, ScheduledRuns.through(sandbox, c))) {
            Scheduler.Outcome first = s.tick().getFirst();
            assertThat(first.what()).isEqualTo("done");
            assertThat(first.detail()).isEqualTo("sent (HTTP 204)");
            String report = new RunLedger(store).report(first.runId()).orElseThrow();
            assertThat(report).contains("\"since\":\"2026-11-18T09:00:00Z\"");
            clock.set(SIX.plus(Duration.ofDays(1)).plusSeconds(10));
            Scheduler.Outcome nextDay = s.tick().getFirst();
            assertThat(nextDay.what()).isEqualTo("done");
            assertThat(nextDay.detail()).isEqualTo("nothing new or resolved: not sent");
            assertThat(new RunLedger(store).findings(nextDay.runId()))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.state()).isEqualTo("persisting"));
        }
        hook.verify(
                1,
                postRequestedFor(urlEqualTo("/hooks/anomalies"))
                        .withRequestBody(matchingJsonPath(
                                "$.agent", com.github.tomakehurst.wiremock.client.WireMock.equalTo("anomalies")))
                        .withRequestBody(matchingJsonPath(
                                "$.new[?(@.fingerprint == 'anomalies:customers.customer_profile:nulls')]")));
    }

    @Test
    void should_refuse_a_schedule_whose_option_the_agent_does_not_take() {
        SchedulerConfig c = config(sweep("mesh", Map.of("lookback", "P1D"), null));
        assertThatThrownBy(() -> ScheduledRuns.through(sandbox, c))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("options.lookback is not an option of agent anomalies")
                .hasMessageContaining("window");
    }
}
