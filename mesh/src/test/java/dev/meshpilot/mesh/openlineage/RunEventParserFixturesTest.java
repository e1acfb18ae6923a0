package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The real-world events of the shared standards folder: the valid ones parse, the invalid ones are refused. */
class RunEventParserFixturesTest {

    @TestFactory
    Stream<DynamicTest> should_parse_every_valid_example_when_reading_the_shared_fixtures() {
        return Standards.valid().stream()
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    RunEvent event = Standards.parse(file);
                    assertThat(event.job().name()).isNotBlank();
                    assertThat(event.digest()).hasSize(64);
                }));
    }

    @TestFactory
    Stream<DynamicTest> should_refuse_every_invalid_example_naming_the_field_when_reading_the_shared_fixtures() {
        return Stream.of(
                        new Object[] {"13", "run.runId: missing (a UUID is required)"},
                        new Object[] {"14", "run.facets.parent.run.runId: missing (a UUID is required)"},
                        new Object[] {
                            "15",
                            "outputs[0].outputFacets.outputStatistics.rowCount: expected an integer, got \"wrong\""
                        })
                .map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
                    Path file = Standards.invalid().stream()
                            .filter(p -> p.getFileName().toString().startsWith((String) c[0]))
                            .findFirst()
                            .orElseThrow();
                    assertThatThrownBy(() -> Standards.parse(file))
                            .isInstanceOfSatisfying(MeshpilotException.class, e -> {
                                assertThat(e.code()).isEqualTo(ErrorCode.EVENT_INVALID);
                                assertThat(e.details()).containsExactly((String) c[1]);
                                assertThat(e.getMessage()).contains((String) c[1]);
                            });
                }));
    }

    @Test
    void should_read_ownership_and_keep_unknown_facets_when_parsing_an_airflow_dag_event() {
        RunEvent e = Standards.parse(Standards.fixture("01"));
        assertThat(e.eventType()).isEqualTo(EventType.START);
        assertThat(e.eventTime()).isEqualTo(Instant.parse("2024-11-26T13:05:23.809955Z"));
        assertThat(e.job().facets().ownership().owners())
                .extracting(OwnershipFacet.Owner::name)
                .containsExactly("***");
        assertThat(e.job().facets().unknown()).containsOnlyKeys("airflow", "jobType");
        assertThat(e.job()
                        .facets()
                        .unknown()
                        .get("airflow")
                        .at("/tasks/copy/ui_label")
                        .asText())
                .isEqualTo("copy");
        assertThat(e.run().facets().unknown()).containsOnlyKeys("airflowDagRun", "nominalTime", "processing_engine");
    }

    @Test
    void should_read_parent_schema_and_column_lineage_when_parsing_an_airflow_task_event() {
        RunEvent e = Standards.parse(Standards.fixture("02"));
        ParentRunFacet parent = e.run().facets().parent();
        assertThat(parent.runId()).isEqualTo(UUID.fromString("01936893-9751-7a91-a2a0-a51101a3970c"));
        assertThat(parent.jobNamespace() + "/" + parent.jobName()).isEqualTo("airflow/BQ");
        Dataset out = e.outputs().get(0);
        assertThat(out.facets().schema().fields())
                .extracting(SchemaFacet.Field::name)
                .containsExactly("a", "b", "c", "d");
        assertThat(out.facets().columnLineage().edges())
                .hasSize(8)
                .contains(new ColumnLineageFacet.Edge("a", "gs://mock-bucket", "test.csv", "a", "IDENTITY"));
    }

    @Test
    void should_read_output_statistics_and_transformations_when_parsing_a_spark_event() {
        RunEvent e = Standards.parse(Standards.fixture("05"));
        Dataset out = e.outputs().get(0);
        assertThat(out.ioFacets().outputStatistics()).isEqualTo(new OutputStatisticsFacet(1L, 9L, null));
        assertThat(out.facets().columnLineage().edges())
                .contains(new ColumnLineageFacet.Edge(
                        "sum(word_count)",
                        "bigquery",
                        "bigquery-public-data.samples.shakespeare",
                        "word_count",
                        "DIRECT/AGGREGATION, INDIRECT/FILTER"));
        assertThat(out.facets().unknown()).containsOnlyKeys("dataSource");
    }

    @Test
    void should_read_quality_facets_when_parsing_client_and_marquez_events() {
        Dataset in07 = Standards.parse(Standards.fixture("07")).inputs().get(0);
        assertThat(in07.dataQualityAssertions().assertions())
                .extracting(
                        DataQualityAssertionsFacet.Assertion::assertion, DataQualityAssertionsFacet.Assertion::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("row_count_equal_to", null),
                        org.assertj.core.groups.Tuple.tuple("no_null_values", "id"));
        DataQualityMetricsFacet metrics =
                Standards.parse(Standards.fixture("08")).inputs().get(0).dataQualityMetrics();
        assertThat(metrics.rowCount()).isEqualTo(1000L);
        assertThat(metrics.bytes()).isEqualTo(1048576L);
        assertThat(metrics.columnMetrics()).isEmpty();
    }

    @Test
    void should_accept_missing_schema_url_and_producer_when_parsing_the_dbt_events() {
        RunEvent test = Standards.parse(Standards.fixture("11"));
        assertThat(test.eventType()).isEqualTo(EventType.FAIL);
        assertThat(test.schemaUrl()).isNull();
        assertThat(test.inputs().get(0).dataQualityAssertions().assertions())
                .filteredOn(a -> !a.success())
                .extracting(DataQualityAssertionsFacet.Assertion::assertion)
                .containsExactly("unique");
        RunEvent model = Standards.parse(Standards.fixture("12"));
        assertThat(model.producer()).isNull();
        assertThat(model.schemaUrl()).isNull();
        assertThat(model.run().facets().errorMessage().message()).startsWith("Database Error in model orders");
        assertThat(model.run().facets().errorMessage().stackTrace()).isNull();
    }

    @Test
    void should_normalise_offsets_and_keep_unicode_when_parsing_the_marquez_events() {
        assertThat(Standards.parse(Standards.fixture("09")).eventTime())
                .isEqualTo(Instant.parse("2020-12-28T09:52:00.001Z"));
        assertThat(Standards.parse(Standards.fixture("10")).job().name()).isEqualTo("myjob.buggy_task🕷");
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
