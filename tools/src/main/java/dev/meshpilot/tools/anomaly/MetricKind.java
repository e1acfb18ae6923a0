package dev.meshpilot.tools.anomaly;

import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import dev.meshpilot.mesh.anomaly.detect.Families;
import dev.meshpilot.mesh.anomaly.detect.MetricDefaults;

/** What kind of metric a series is, its family, and the settings it is judged with ({@link MetricDefaults}). */
enum MetricKind {
    ROW_COUNT("row_count", Families.VOLUME, 0),
    SUM("sum", Families.VOLUME, 1),
    DISTINCT_COUNT("distinct_count", Families.VOLUME, 2),
    BYTES("bytes", Families.VOLUME, 3),
    NULL_RATE("null_rate", Families.NULLS, 0),
    MIN("min", Families.VALUES, 4),
    MAX("max", Families.VALUES, 4),
    FAILED_CHECKS("failed_checks", Families.VALUES, 4),
    END_OFFSET("end_offset_s", Families.TIMING, 0),
    RUN_DURATION("run_duration_s", Families.TIMING, 1),
    FRESHNESS("freshness_h", Families.TIMING, 0),
    SCHEMA_CHANGE("schema_change", Families.SCHEMA, 5);

    final String wire;
    final int family;
    /** Lower is shown first when several metrics of a product move together. */
    final int priority;

    MetricKind(String wire, int family, int priority) {
        this.wire = wire;
        this.family = family;
        this.priority = priority;
    }

    static MetricKind of(String metric) {
        for (MetricKind k : values()) {
            if (k.wire.equals(metric)) {
                return k;
            }
        }
        return null;
    }

    DetectorSettings settings(DetectorSettings base) {
        return MetricDefaults.of(wire, base);
    }
}
