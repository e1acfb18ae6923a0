package dev.meshpilot.tools.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.tools.activity.RecentRuns;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTest {
    @Test
    void should_fence_every_free_text_component_when_records_nest_in_lists() {
        assertThat(Results.untrusted(RecentRuns.class)).containsExactly("/runs/*/job", "/runs/*/errorMessage");
    }

    @Test
    void should_write_components_in_declaration_order_with_nulls_and_iso_instants() {
        RecentRuns r = new RecentRuns(
                "a.b",
                null,
                List.of(new RecentRuns.Run(
                        "r1", "ns/job", "FAILED", Instant.parse("2026-01-02T03:04:05.600Z"), null, 1.5, "boom")),
                1,
                1,
                null);
        JsonNode data = Results.ok(r).data();
        assertThat(data.toString())
                .isEqualTo("{\"product\":\"a.b\",\"lastSuccessAt\":null,\"runs\":[{\"runId\":\"r1\",\"job\":\"ns/job\","
                        + "\"state\":\"FAILED\",\"startedAt\":\"2026-01-02T03:04:05.600Z\",\"endedAt\":null,"
                        + "\"durationSeconds\":1.5,\"errorMessage\":\"boom\"}],\"total\":1,\"returned\":1,"
                        + "\"nextCursor\":null}");
    }

    @Test
    void should_derive_required_nullable_and_fenced_fields_when_schema_comes_from_a_record() {
        JsonNode schema = OutputSchemas.of(RecentRuns.class);
        assertThat(schema.path("required")).hasSize(6);
        assertThat(schema.at("/properties/lastSuccessAt/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(schema.at("/properties/product/type").asText()).isEqualTo("string");
        JsonNode run = schema.at("/properties/runs/items");
        assertThat(run.at("/properties/errorMessage/anyOf")).hasSize(3);
        assertThat(run.at("/properties/runId/description").asText()).isEqualTo("OpenLineage run id.");
    }
}
