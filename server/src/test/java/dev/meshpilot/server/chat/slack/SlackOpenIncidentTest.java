package dev.meshpilot.server.chat.slack;

import static dev.meshpilot.server.chat.slack.SlackChatTest.press;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.incident.Incidents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Open as an incident" button, with real signed requests: shown under findings without an incident, it opens
 * one as the presser when they hold incidents:write on the product, once however often it is pressed, and refuses
 * (audited) a presser without the grant or a forged value.
 */
class SlackOpenIncidentTest {
    static final String ERIN = "U07ERIN006";
    static final String JULES = "U07JULES07";
    static final String FORM = "application/x-www-form-urlencoded";

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
    void should_open_one_incident_for_a_finding_however_often_the_button_is_pressed() {
        String value = openButton();
        assertThat(value).isEqualTo("anomalies orders.orders_daily drop row_count");

        server.send("/slack/interactivity", FORM, press(ERIN, "open_incident_1", value));
        JsonNode first = posted("(erin) opened INC-");
        String id = first.toString().replaceAll("(?s).*opened (INC-[0-9]+).*", "$1");

        server.send("/slack/interactivity", FORM, press(SlackServer.ALICE, "open_incident_1", value));
        assertThat(posted("is already open as " + id).toString()).contains("(alice)");

        var opened =
                new Incidents(server.serving.sandbox().mesh().store()).get(id).orElseThrow();
        assertThat(opened.title()).isEqualTo("orders.orders_daily row_count drop (anomalies)");
        assertThat(opened.productId()).isEqualTo("orders.orders_daily");
        assertThat(opened.eventCount()).isEqualTo(2);
        assertThat(server.audit("erin"))
                .anyMatch(r -> r.entry().tool().equals("slack action open_incident")
                        && r.entry().decision().equals("ok")
                        && r.entry().reason().contains(id));
    }

    @Test
    void should_refuse_a_presser_without_incidents_write_and_audit_it() {
        server.send(
                "/slack/interactivity",
                FORM,
                press(JULES, "open_incident_1", "drift customers.customer_profile deny x"));

        assertThat(posted("cannot open incidents on").toString()).contains("jules lacks incidents:write");
        assertThat(server.audit("jules"))
                .anyMatch(r -> r.entry().tool().equals("slack action open_incident")
                        && r.entry().decision().equals("denied"));
    }

    @Test
    void should_refuse_a_forged_button_value() {
        server.send("/slack/interactivity", FORM, press(ERIN, "open_incident_2", "anomalies <!channel> drop x"));

        assertThat(posted("does not name a finding").toString()).contains("🚫");
        assertThat(server.audit("erin"))
                .anyMatch(r -> r.entry().tool().equals("slack action open_incident")
                        && r.entry().decision().equals("denied"));
    }

    /** Runs `anomalies orders` as erin and returns the value of its first open-as-an-incident button. */
    private static String openButton() {
        server.send("/slack/commands", FORM, server.command(ERIN, "anomalies orders"));
        List<String> values = new ArrayList<>();
        for (JsonNode u : server.await("/api/chat.update", u -> u.toString().contains("open_incident_1"))) {
            for (JsonNode b : u.path("blocks")) {
                for (JsonNode e : b.path("elements")) {
                    if (e.path("action_id").asText().equals("open_incident_1")) {
                        values.add(e.path("value").asText());
                    }
                }
            }
        }
        assertThat(values).isNotEmpty();
        return values.get(0);
    }

    private static JsonNode posted(String text) {
        return server.await("/api/chat.postMessage", p -> p.toString().contains(text)).stream()
                .filter(p -> p.toString().contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message containing: " + text));
    }
}
