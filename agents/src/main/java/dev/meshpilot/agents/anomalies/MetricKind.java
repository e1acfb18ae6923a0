package dev.meshpilot.agents.anomalies;

import dev.meshpilot.agents.anomalies.detect.DetectorSettings;
import dev.meshpilot.agents.anomalies.detect.DetectorSettings.Direction;
import dev.meshpilot.agents.anomalies.detect.DetectorSettings.Seasonality;
import dev.meshpilot.agents.anomalies.detect.Families;

/**
 * What kind of metric a series is, its family, and the settings it is judged with by default (docs/agents.md,
 * "Anomalies"): volumes on the base settings; column minima and maxima (noisy extremes) must also move by
 * 100% of the expected value; null rates by half of it and by a point; run durations
 * and end times only alert upwards, by 15 and 30 minutes, with no seasonality.
 */
enum MetricKind {
    ROW_COUNT("row_count", Families.VOLUME, 0),
    SUM("sum", Families.VOLUME, 1),
    DISTINCT_COUNT("distinct_count", Families.VOLUME, 2),
    BYTES("bytes", Families.VOLUME, 3),
    NULL_RATE("null_rate", Families.NULLS, 0),
    MIN("min", Families.VALUES, 4),
    MAX("max", Families.VALUES, 4),
    END_OFFSET("end_offset_s", Families.TIMING, 0),
    RUN_DURATION("run_duration_s", Families.TIMING, 1),
    FRESHNESS("freshness_h", Families.TIMING, 0);

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
        return switch (this) {
            case NULL_RATE -> base.withMinChange(Math.max(base.minChange(), 0.5), 0.01);
            case MIN, MAX -> base.withMinChange(Math.max(base.minChange(), 1.0), base.absoluteThreshold());
            case END_OFFSET -> timing(base, 1800);
            case RUN_DURATION -> timing(base, 900);
            default -> base;
        };
    }

    private static DetectorSettings timing(DetectorSettings base, double seconds) {
        return new DetectorSettings(
                base.scoring(),
                base.threshold(),
                base.trainingPoints(),
                base.minTraining(),
                Direction.UP,
                0,
                seconds,
                Seasonality.NONE,
                base.levelShiftPoints(),
                base.alertBudget());
    }
}
