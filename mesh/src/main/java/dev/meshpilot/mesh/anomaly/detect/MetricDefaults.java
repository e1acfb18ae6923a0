package dev.meshpilot.mesh.anomaly.detect;

import dev.meshpilot.mesh.anomaly.detect.DetectorSettings.Direction;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings.Seasonality;

/**
 * The settings each kind of metric is judged with by default (docs/agents.md, "Anomalies"), and its family:
 * volumes ({@code row_count}, {@code bytes}, {@code distinct_count}, {@code sum}) on the base settings; column
 * minima and maxima must also move by 100% of the expected value; null rates by half of it and by a point;
 * run end times ({@code end_offset_s}) and durations only alert upwards, by 30 and 15 minutes, without
 * seasonality; {@code failed_checks} alerts on one more failed assertion than usual.
 */
public final class MetricDefaults {
    private MetricDefaults() {}

    /** The family of a metric (bits of {@link Families}), or 0 for a metric the detector does not judge. */
    public static int family(String metric) {
        return switch (metric) {
            case "row_count", "bytes", "distinct_count", "sum" -> Families.VOLUME;
            case "min", "max", "failed_checks" -> Families.VALUES;
            case "null_rate" -> Families.NULLS;
            case "end_offset_s", "run_duration_s", "freshness_h" -> Families.TIMING;
            default -> 0;
        };
    }

    /** {@code base} adjusted for {@code metric}. */
    public static DetectorSettings of(String metric, DetectorSettings base) {
        return switch (metric) {
            case "null_rate" -> base.withMinChange(Math.max(base.minChange(), 0.5), 0.01);
            case "min", "max" -> base.withMinChange(Math.max(base.minChange(), 1.0), base.absoluteThreshold());
            case "end_offset_s" -> timing(base, 1800);
            case "run_duration_s" -> timing(base, 900);
            case "failed_checks" ->
                new DetectorSettings(
                        base.scoring(),
                        base.threshold(),
                        base.trainingPoints(),
                        base.minTraining(),
                        Direction.UP,
                        0,
                        1,
                        Seasonality.NONE,
                        base.levelShiftPoints(),
                        base.alertBudget());
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
