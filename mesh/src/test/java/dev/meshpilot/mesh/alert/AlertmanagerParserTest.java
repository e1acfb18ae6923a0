package dev.meshpilot.mesh.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlertmanagerParserTest {
    private static MeshpilotException invalid(String json) {
        return catchThrowableOfType(MeshpilotException.class, () -> AlertmanagerParser.parse(json));
    }

    @Test
    void should_read_every_alert_of_a_firing_group() {
        AlertmanagerNotification n = AlertmanagerParser.parse(Payloads.read("firing-group.json"));

        assertThat(n.receiver()).isEqualTo("meshpilot");
        assertThat(n.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(n.groupKey()).isEqualTo("{}/{severity=~\"critical|warning\"}:{team=\"data-platform\"}");
        assertThat(n.externalUrl()).isEqualTo("http://alertmanager.acme.internal:9093");
        assertThat(n.truncatedAlerts()).isZero();
        assertThat(n.alerts()).hasSize(2);
        Alert first = n.alerts().get(0);
        assertThat(first.alertname()).isEqualTo("DatasetFreshnessSLOBreached");
        assertThat(first.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(first.label("dataset")).isEqualTo("acme.finance.revenue_daily");
        assertThat(first.annotation("summary")).isEqualTo("revenue_daily is 3h40m old (SLO 1h)");
        assertThat(first.startsAt()).isEqualTo(Instant.parse("2026-11-25T09:00:03.581920173Z"));
        assertThat(first.endsAt()).as("Go's zero time means unset").isNull();
        assertThat(first.fingerprint()).isEqualTo("5f2c1b0e9a7d4c31");
        assertThat(first.generatorUrl()).startsWith("http://prometheus.acme.internal:9090/graph");
        assertThat(n.alerts().get(1).startsAt())
                .as("offsets are honoured")
                .isEqualTo(Instant.parse("2026-11-25T09:00:03.581920173Z"));
    }

    @Test
    void should_read_a_resolved_alert_with_its_end() {
        Alert a = AlertmanagerParser.parse(Payloads.read("resolved.json"))
                .alerts()
                .get(0);

        assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(a.endsAt()).isEqualTo(Instant.parse("2026-11-25T11:15:03.581920173Z"));
    }

    @Test
    void should_name_every_problem_by_json_path_when_the_payload_is_malformed() {
        MeshpilotException e = invalid(Payloads.read("malformed.json"));

        assertThat(e.code()).isEqualTo(ErrorCode.EVENT_INVALID);
        assertThat(e.details())
                .containsExactlyInAnyOrder(
                        "version: expected \"4\" (the only webhook payload version there is), got \"5\"",
                        "status: expected firing or resolved, got \"pending\"",
                        "truncatedAlerts: expected a whole number of at least 0, got -1",
                        "alerts[0].labels.retries: expected a string, got 3",
                        "alerts[0].labels.alertname: missing (a non-empty string is required)",
                        "alerts[0].startsAt: expected an RFC 3339 date-time, e.g. 2026-11-25T09:00:00Z, got \"yesterday\"",
                        "alerts[1].status: expected firing or resolved, got \"Firing\"",
                        "alerts[1].labels.error_class: expected one of schema_mismatch, upstream_late, duplicate_keys, "
                                + "null_explosion, infrastructure, permissions, unknown, got \"latency\"",
                        "alerts[1].annotations: expected an object of string values, got \"late again\"",
                        "alerts[1].startsAt: missing (an RFC 3339 date-time, e.g. 2026-11-25T09:00:00Z is required)",
                        "alerts[2]: expected an alert (a JSON object), got \"not an alert\"");
        assertThat(e.getMessage()).startsWith("invalid Alertmanager notification: 11 problems, the first: ");
    }

    @Test
    void should_ignore_unknown_fields_and_accept_a_payload_without_optional_ones() {
        AlertmanagerNotification n = AlertmanagerParser.parse("""
                {"alerts": [{"status": "firing", "labels": {"alertname": "X"}, "startsAt": "2026-11-25T09:00:00Z",
                  "silenceURL": "http://grafana/silence", "values": {"B": 44.2}}],
                 "orgId": 1, "groupLabels": {"alertname": 7}}
                """);

        Alert a = n.alerts().get(0);
        assertThat(a.annotations()).isEmpty();
        assertThat(a.fingerprint()).as("computed from the labels when absent").hasSize(16);
        assertThat(n.receiver()).isNull();
    }

    @Test
    void should_take_json_null_as_absent() {
        Alert a = AlertmanagerParser.parse("""
                        {"alerts": [{"status": "resolved", "labels": {"alertname": "X"}, "annotations": null,
                          "startsAt": "2026-11-25T09:00:00Z", "endsAt": null, "fingerprint": null}]}
                        """).alerts().get(0);

        assertThat(a.endsAt()).isNull();
        assertThat(a.annotations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[]", "{\"alerts\": {}}", "{} {}"})
    void should_refuse_what_is_not_a_notification(String body) {
        assertThat(invalid(body).code()).isEqualTo(ErrorCode.EVENT_INVALID);
    }

    @Test
    void should_say_an_alerts_array_is_required() {
        assertThat(invalid("{\"version\": \"4\"}").details())
                .containsExactly("alerts: missing (an array of alerts is required)");
    }

    @Test
    void should_give_the_same_digest_to_a_resend_and_a_different_one_to_a_new_episode_or_status() {
        String one = """
                {"alerts": [{"status": "%s", "labels": {"alertname": "X", "product": "p.q"}, "startsAt": "%s",
                  "fingerprint": "abc"}]}
                """;
        String first = digest(one.formatted("firing", "2026-11-25T09:00:00Z"));

        assertThat(digest(one.formatted("firing", "2026-11-25T09:00:00.000+00:00")))
                .isEqualTo(first);
        assertThat(digest(one.formatted("firing", "2026-11-25T10:00:00Z"))).isNotEqualTo(first);
        assertThat(digest(one.formatted("resolved", "2026-11-25T09:00:00Z"))).isNotEqualTo(first);
    }

    private static String digest(String json) {
        return AlertmanagerParser.parse(json).alerts().get(0).digest();
    }
}
