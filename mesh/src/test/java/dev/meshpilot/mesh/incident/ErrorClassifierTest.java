package dev.meshpilot.mesh.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorClassifierTest {
    /** Real engines' messages with the class a person on call would give them (written before the rules). */
    static Stream<Arguments> realMessages() throws IOException {
        try (InputStream in = ErrorClassifierTest.class.getResourceAsStream("real-error-messages.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .filter(l -> !l.isBlank() && !l.startsWith("#"))
                            .map(l -> l.split("\t", 3))
                            .map(f -> Arguments.of(f[1], f[2], f[0]))
                            .toList()
                            .stream();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("realMessages")
    void should_classify_real_engines_messages_as_a_person_on_call_would(
            String source, String message, String expected) {
        assertThat(ErrorClassifier.classify(message).wireName())
                .as(source + ": " + message)
                .isEqualTo(expected);
    }

    @Test
    void should_cover_every_class_and_the_engines_people_run() throws IOException {
        List<Arguments> all = realMessages().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(70);
        assertThat(all.stream().map(a -> (String) a.get()[2]).distinct()).containsAll(ErrorClass.wireNames());
        assertThat(all.stream().map(a -> (String) a.get()[0]).distinct())
                .contains("snowflake", "bigquery", "postgres", "spark", "airflow", "dbt", "http");
    }

    @Test
    void should_ignore_file_names_where_the_error_was_raised() {
        assertThat(ErrorClassifier.classify("Failure in test not_null_orders_id (models/schema.yml)"))
                .isEqualTo(ErrorClass.NULL_EXPLOSION);
        assertThat(ErrorClassifier.classify("Task failed in dags/schema_sync.py: return code 1"))
                .isEqualTo(ErrorClass.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ContractViolationError: unexpected column `card_number` is not declared in the contract|schema_mismatch",
                "pyspark.sql.utils.AnalysisException: cannot resolve 'reason' given input columns|schema_mismatch",
                "Column reason_code not found in schema|schema_mismatch",
                "google.api_core.exceptions.Forbidden: 403 Access Denied: Table acme.payments.refunds|permissions",
                "Quota exceeded: Your project exceeded quota for concurrent queries|infrastructure",
                "google.api_core.exceptions.Forbidden: 403 Quota exceeded: Your project exceeded quota for concurrent queries|infrastructure",
                "java.lang.OutOfMemoryError: Java heap space|infrastructure",
                "UNIQUE constraint failed: refunds.refund_id (duplicate key)|duplicate_keys",
                "NOT NULL constraint failed: customers.email|null_explosion",
                "Sensor timed out waiting for upstream partition|upstream_late",
                "ExternalTaskSensor: waiting for upstream run of payments_etl|upstream_late",
                "something odd happened|unknown"
            })
    void should_classify_error_messages(String message, String expected) {
        assertThat(ErrorClassifier.classify(message).wireName()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "DatasetFreshnessSLOBreached, upstream_late",
        "KubeContainerOOMKilled, infrastructure",
        "WarehousePermissionDenied, permissions",
        "HighLatency, unknown",
        "'', unknown"
    })
    void should_classify_alert_names_by_their_words_with_the_same_rules(String name, String expected) {
        assertThat(ErrorClassifier.classify(name))
                .isEqualTo(ErrorClass.of(expected).orElseThrow());
    }

    @Test
    void should_name_every_class_as_files_write_it() {
        assertThat(ErrorClass.wireNames()).contains("schema_mismatch", "unknown");
        assertThat(ErrorClass.of("nope")).isEmpty();
        assertThat(Severity.wireNames()).containsExactly("SEV1", "SEV2", "SEV3", "SEV4");
    }
}
