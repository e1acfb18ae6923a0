package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Validation of hand-written events: every problem is reported, each naming its JSON field path. */
class RunEventParserTest {
    private static final UUID RUN = UUID.fromString("0192963f-f6f8-71c0-8380-500bc70883ee");

    private static ObjectNode valid() {
        ObjectNode e = Events.event("COMPLETE", "2026-11-25T09:00:00Z", RUN, "airflow", "payments.daily");
        Events.dataset(e, "outputs", "bigquery", "acme.payments.transactions");
        return e;
    }

    private static List<String> problems(Consumer<ObjectNode> change) {
        ObjectNode e = valid();
        change.accept(e);
        try {
            Events.parse(e);
        } catch (MeshpilotException ex) {
            assertThat(ex.code()).isEqualTo(ErrorCode.EVENT_INVALID);
            return ex.details();
        }
        throw new AssertionError("expected the event to be refused: " + e);
    }

    @Test
    void should_parse_when_the_event_is_minimal() {
        RunEvent e = Events.parse(valid());
        assertThat(e.run().runId()).isEqualTo(RUN);
        assertThat(e.outputs()).extracting(Dataset::name).containsExactly("acme.payments.transactions");
    }

    @Test
    void should_report_time_type_and_run_id_when_they_are_malformed() {
        assertThat(problems(e -> e.put("eventTime", "yesterday")))
                .containsExactly("eventTime: expected an ISO-8601 date-time with an offset, e.g. 2026-11-25T09:00:00Z, "
                        + "got \"yesterday\"");
        assertThat(problems(e -> e.put("eventTime", "2026-11-25T09:00:00")))
                .singleElement()
                .asString()
                .startsWith("eventTime: expected an ISO-8601 date-time with an offset");
        assertThat(problems(e -> e.remove("eventTime")))
                .singleElement()
                .asString()
                .startsWith("eventTime: missing");
        assertThat(problems(e -> e.put("eventType", "DONE")))
                .containsExactly(
                        "eventType: expected one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER, got \"DONE\"");
        assertThat(problems(e -> ((ObjectNode) e.get("run")).put("runId", "abc")))
                .containsExactly("run.runId: expected a UUID, got \"abc\"");
    }

    @Test
    void should_report_every_problem_at_once_when_several_fields_are_wrong() {
        List<String> problems = problems(e -> {
            e.remove("run");
            ((ObjectNode) e.get("job")).remove("name");
            ((ObjectNode) e.get("job")).put("namespace", " ");
            ((ObjectNode) e.withArray("outputs").get(0)).remove("namespace");
        });
        assertThat(problems)
                .containsExactly(
                        "run: missing (a run is required)",
                        "job.namespace: expected a non-empty string, got \" \"",
                        "job.name: missing (a string is required)",
                        "outputs[0].namespace: missing (a string is required)");
    }

    @Test
    void should_check_the_parent_facet_when_it_lacks_the_job() {
        assertThat(problems(e -> Events.facet(Events.container((ObjectNode) e.get("run"), "facets"), "parent")
                        .putObject("run")
                        .put("runId", RUN.toString())))
                .containsExactly("run.facets.parent.job: missing (an object with namespace and name is required)");
    }

    @Test
    void should_check_the_types_of_quality_and_lineage_facets_when_they_are_wrong() {
        assertThat(problems(e -> {
                    ObjectNode in = Events.dataset(e, "inputs", "bigquery", "raw.payments");
                    Events.facet(in.putObject("inputFacets"), "dataQualityAssertions")
                            .putArray("assertions")
                            .addObject()
                            .put("assertion", "not_null")
                            .put("success", "yes");
                    ObjectNode out = (ObjectNode) e.withArray("outputs").get(0);
                    ObjectNode lineage = Events.facet(out.putObject("facets"), "columnLineage");
                    lineage.putObject("fields")
                            .putObject("sum(amount)")
                            .putArray("inputFields")
                            .addObject()
                            .put("namespace", "bigquery")
                            .put("name", "raw.payments");
                    Events.facet(out.putObject("outputFacets"), "outputStatistics")
                            .put("rowCount", 1.5);
                }))
                .containsExactlyInAnyOrder(
                        "outputs[0].facets.columnLineage.fields[\"sum(amount)\"].inputFields[0].field: missing (a string is required)",
                        "outputs[0].outputFacets.outputStatistics.rowCount: expected an integer, got 1.5",
                        "inputs[0].inputFacets.dataQualityAssertions.assertions[0].success: expected true or false, got \"yes\"");
    }

    @Test
    void should_refuse_a_facet_when_it_is_not_an_object() {
        assertThat(problems(e ->
                        Events.container((ObjectNode) e.get("job"), "facets").put("sql", 12)))
                .containsExactly("job.facets.sql: expected an object (a facet), got 12");
    }

    @Test
    void should_accept_the_documented_leniencies_when_real_producers_are_sloppy() {
        ObjectNode e = valid();
        e.remove("schemaURL");
        e.remove("producer");
        e.remove("eventType");
        ObjectNode facets = Events.container((ObjectNode) e.get("run"), "facets");
        facets.putObject("errorMessage").put("message", "boom").putNull("stackTrace");
        facets.putNull("spark_properties");
        facets.putObject("custom").put("anything", 1);
        RunEvent event = Events.parse(e);
        assertThat(event.eventType()).isEqualTo(EventType.OTHER);
        assertThat(event.producer()).isNull();
        assertThat(event.run().facets().errorMessage().message()).isEqualTo("boom");
        assertThat(event.run().facets().unknown()).containsOnlyKeys("custom");
    }
}
