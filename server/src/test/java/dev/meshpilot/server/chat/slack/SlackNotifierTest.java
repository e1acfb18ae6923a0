package dev.meshpilot.server.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.runs.Schedule;
import dev.meshpilot.server.runs.ScheduledRuns;
import dev.meshpilot.server.runs.Scheduler;
import dev.meshpilot.server.runs.SchedulerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scheduled drift sweep's new findings reach the owning teams' channels, once per fire time. */
class SlackNotifierTest {
    @TempDir
    static Path home;

    static SlackServer server;

    @BeforeAll
    static void start() {
        server = SlackServer.start(home, true);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void should_post_new_anomaly_groups_to_the_channel_of_their_root_products_owner() {
        SlackServer.stubOk(server.slack);
        Schedule sweep = new Schedule(
                "anomaly-sweep",
                "anomalies",
                "finance",
                "0 6 * * *",
                ZoneId.of("UTC"),
                "meshpilot-scheduler",
                Schedule.Misfire.skip,
                Duration.ofMinutes(5),
                null);
        SchedulerConfig config = new SchedulerConfig(
                List.of(sweep), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(15));
        SlackApi api = new SlackApi(
                URI.create("http://127.0.0.1:" + server.slack.port() + "/api"),
                "xoxb-t",
                List.of(),
                Duration.ofSeconds(5));
        SlackNotifier notifier =
                new SlackNotifier(api, new ChatAudit(server.serving.sandbox().audit()), null);

        try (Scheduler scheduler = new Scheduler(
                config,
                MeshStore.open(home.resolve("meshpilot.db")),
                "test",
                Clock.systemUTC(),
                ScheduledRuns.through(server.serving.sandbox(), config),
                notifier)) {
            assertThat(scheduler.runNow("anomaly-sweep").detail()).contains("#payments-data sent", "#orders-data sent");
        }
        assertThat(server.requests("/api/chat.postMessage"))
                .filteredOn(p -> p.path("channel").asText().equals("#orders-data"))
                .singleElement()
                .satisfies(p -> assertThat(p.path("text").asText()).contains("anomaly-sweep", "orders.orders_daily"));
    }

    @Test
    void should_post_new_drift_findings_to_each_owning_teams_channel() {
        SlackServer.stubOk(server.slack);
        Schedule nightly = new Schedule(
                "nightly-drift",
                "drift",
                "mesh",
                "0 6 * * *",
                ZoneId.of("UTC"),
                "meshpilot-scheduler",
                Schedule.Misfire.skip,
                Duration.ofMinutes(5),
                null);
        SchedulerConfig config = new SchedulerConfig(
                List.of(nightly), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(15));
        SlackApi api = new SlackApi(
                URI.create("http://127.0.0.1:" + server.slack.port() + "/api"),
                "xoxb-t",
                List.of(),
                Duration.ofSeconds(5));
        SlackNotifier notifier =
                new SlackNotifier(api, new ChatAudit(server.serving.sandbox().audit()), "#data-mesh-alerts");
        MeshStore store = MeshStore.open(home.resolve("meshpilot.db"));

        try (Scheduler scheduler = new Scheduler(
                config,
                store,
                "test",
                Clock.systemUTC(),
                ScheduledRuns.through(server.serving.sandbox(), config),
                notifier)) {
            Scheduler.Outcome first = scheduler.runNow("nightly-drift");

            assertThat(first.what()).isEqualTo("done");
            assertThat(first.detail()).contains("chat: ", "#payments-data sent", "#customer-data sent");
        }
        List<JsonNode> posts = server.requests("/api/chat.postMessage");
        assertThat(posts).extracting(p -> p.path("channel").asText()).contains("#payments-data", "#customer-data");
        JsonNode payments = posts.stream()
                .filter(p -> p.path("channel").asText().equals("#payments-data"))
                .findFirst()
                .orElseThrow();
        assertThat(payments.path("text").asText()).contains("nightly-drift", "payments.transactions");
        assertThat(payments.path("text").asText()).doesNotContain("customer_profile");
    }
}
