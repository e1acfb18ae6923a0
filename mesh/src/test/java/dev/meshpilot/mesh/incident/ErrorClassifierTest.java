package dev.meshpilot.mesh.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {
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
