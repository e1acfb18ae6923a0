package dev.meshpilot.mesh.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassesTest {
    @ParameterizedTest
    @CsvSource({
        "DatasetFreshnessSLOBreached, upstream_late",
        "OrdersDailyLate, upstream_late",
        "PartitionStale, upstream_late",
        "ColumnNullRateHigh, null_explosion",
        "DuplicateKeysDetected, duplicate_keys",
        "BigQuerySlotQuotaExceeded, infrastructure",
        "KubeContainerOOMKilled, infrastructure",
        "NodeFilesystemAlmostFull, infrastructure",
        "CPUThrottlingHigh, infrastructure",
        "WarehousePermissionDenied, permissions",
        "SchemaDriftDetected, schema_mismatch",
        "HighLatency, ",
        "TargetDown, "
    })
    void should_classify_an_alertname_by_its_words(String alertname, String expected) {
        assertThat(ErrorClasses.classify(alertname)).isEqualTo(expected);
    }

    @Test
    void should_prefer_the_label_then_the_annotation_then_the_name_then_the_summary() {
        assertThat(ErrorClasses.of(alert("{\"alertname\": \"DiskFull\", \"error_class\": \"permissions\"}", "{}")))
                .isEqualTo("permissions");
        assertThat(ErrorClasses.of(alert("{\"alertname\": \"DiskFull\"}", "{\"error_class\": \"upstream_late\"}")))
                .isEqualTo("upstream_late");
        assertThat(ErrorClasses.of(alert("{\"alertname\": \"DiskFull\"}", "{\"summary\": \"access denied\"}")))
                .isEqualTo("infrastructure");
        assertThat(ErrorClasses.of(alert("{\"alertname\": \"JobFailed\"}", "{\"summary\": \"access denied\"}")))
                .isEqualTo("permissions");
        assertThat(ErrorClasses.of(alert("{\"alertname\": \"JobFailed\"}", "{}")))
                .isEqualTo("unknown");
    }

    private static Alert alert(String labels, String annotations) {
        return AlertmanagerParser.parse("{\"alerts\": [{\"status\": \"firing\", \"labels\": " + labels
                        + ", \"annotations\": " + annotations + ", \"startsAt\": \"2026-11-25T09:00:00Z\"}]}")
                .alerts()
                .get(0);
    }
}
