package dev.meshpilot.agents.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.mesh.view.IncidentView;
import dev.meshpilot.sandbox.tool.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * When a problem began: a check-opened incident from its check; a report not tied to a check from the newest
 * symptom, so an older failed check does not anchor a report of a load that has not come. Two shapes of mesh:
 * a daily product with a 26 h SLO (a retailer's revenue flash) and an hourly one with a 2 h SLO (a streaming
 * service's play counts).
 */
class OnsetTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Evidence ok(String id, String json) {
        try {
            JsonNode data = JSON.readTree(json);
            return new Evidence(
                    id,
                    "t",
                    JSON.createObjectNode(),
                    new ToolResult(ToolResult.Status.OK, data, null, 1, List.of(), List.of(), Set.of()),
                    1,
                    "playbook");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static IncidentView incident(String product, String opened, String fingerprint) {
        return new IncidentView(
                "INC-1",
                "t",
                product,
                "open",
                null,
                null,
                "d",
                null,
                null,
                "manual",
                Instant.parse(opened),
                null,
                null,
                0,
                fingerprint);
    }

    static Optional<Evidence> product(String freshness) {
        return Optional.of(ok(
                "E1",
                "{\"tags\":[],\"outputPorts\":[],\"slos\":[{\"kind\":\"freshness\",\"target\":\"" + freshness
                        + "\"}],\"ownerDeclared\":true}"));
    }

    static Optional<Evidence> checks(String at) {
        return Optional.of(ok(
                "E2",
                "{\"failed\":1,\"total\":1,\"returned\":1,\"results\":[{\"assertion\":\"rows_positive\","
                        + "\"success\":false,\"at\":\"" + at + "\"}]}"));
    }

    static Optional<Evidence> runs(String lastSuccess) {
        return Optional.of(ok(
                "E3",
                "{\"lastSuccessAt\":\"" + lastSuccess + "\",\"runs\":[{\"job\":\"j\",\"state\":\"COMPLETE\","
                        + "\"startedAt\":\"" + lastSuccess + "\",\"endedAt\":\"" + lastSuccess + "\"}],"
                        + "\"total\":1,\"returned\":1}"));
    }

    @Test
    void should_date_a_report_from_its_opening_when_the_product_is_past_its_slo_since_an_older_failed_check() {
        // daily: checked bad at 04:00 on the 24th, nothing since; reported at 07:05 on the 25th (26.6 h)
        assertThat(Onset.of(
                        incident("finance.revenue", "2026-11-25T07:05:00Z", null),
                        product("PT26H"),
                        checks("2026-11-24T04:00:00Z"),
                        runs("2026-11-24T04:26:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T07:05:00Z"));
        // hourly: checked bad at 10:00, nothing since; reported at 12:30 (2.5 h past a 2 h SLO)
        assertThat(Onset.of(
                        incident("plays.hourly", "2026-03-02T12:30:00Z", null),
                        product("PT2H"),
                        checks("2026-03-02T10:00:00Z"),
                        runs("2026-03-02T10:05:00Z")))
                .isEqualTo(Instant.parse("2026-03-02T12:30:00Z"));
    }

    @Test
    void should_date_a_report_from_the_failed_check_when_the_product_is_still_fresh() {
        assertThat(Onset.of(
                        incident("finance.revenue", "2026-11-24T09:30:00Z", null),
                        product("PT26H"),
                        checks("2026-11-24T04:00:00Z"),
                        runs("2026-11-24T04:26:00Z")))
                .isEqualTo(Instant.parse("2026-11-24T04:00:00Z"));
        assertThat(Onset.of(
                        incident("plays.hourly", "2026-03-02T11:00:00Z", null),
                        product("PT2H"),
                        checks("2026-03-02T10:00:00Z"),
                        runs("2026-03-02T10:05:00Z")))
                .isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void should_date_a_check_opened_incident_from_its_check_even_when_the_product_is_stale() {
        assertThat(Onset.of(
                        incident(
                                "finance.revenue",
                                "2026-11-25T06:40:00Z",
                                "quality_failed:finance.revenue:rows_positive"),
                        product("PT26H"),
                        checks("2026-11-24T04:00:00Z"),
                        runs("2026-11-24T04:26:00Z")))
                .isEqualTo(Instant.parse("2026-11-24T04:00:00Z"));
        assertThat(Onset.of(
                        incident("plays.hourly", "2026-03-02T12:30:00Z", "quality_failed:plays.hourly:rows_positive"),
                        product("PT2H"),
                        checks("2026-03-02T10:00:00Z"),
                        runs("2026-03-02T10:05:00Z")))
                .isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }
}
