package dev.meshpilot.mesh.anomaly.detect;

/**
 * How the detector judges one series; every default is documented in docs/agents.md ("Anomalies").
 *
 * @param scoring robust (median/MAD, default) or z (mean/standard deviation)
 * @param threshold the smallest score that alerts (default 4); the backtest may raise it, never lower it
 * @param trainingPoints how many earlier points a point is judged against (default 28)
 * @param minTraining fewer training points than this and a point is not judged (default 14)
 * @param direction which way alerts: up, down or both (default both)
 * @param minChange the relative change from the expected value a point must also reach (default 0.2 = 20%)
 * @param absoluteThreshold an absolute change it must also reach, or NaN for none (default none)
 * @param seasonality auto (default: day-of-week for a daily series, hour-of-week or hour-of-day for an hourly
 *     one, when the history shows it), none, day_of_week, hour_of_day or hour_of_week
 * @param levelShiftPoints after this many anomalous points in a row in one direction the new level is the
 *     normal one (default 3)
 * @param alertBudget alerts per 30 days the backtest allows on the history before the window (default 1);
 *     0 keeps {@code threshold} as it is
 */
public record DetectorSettings(
        Scoring scoring,
        double threshold,
        int trainingPoints,
        int minTraining,
        Direction direction,
        double minChange,
        double absoluteThreshold,
        Seasonality seasonality,
        int levelShiftPoints,
        double alertBudget) {
    /** The defaults. */
    public static final DetectorSettings DEFAULT =
            new DetectorSettings(Scoring.MAD, 4.0, 28, 14, Direction.BOTH, 0.2, Double.NaN, Seasonality.AUTO, 3, 1.0);

    /** The multiples of {@code threshold} the backtest tries, lowest first. */
    static final double[] SENSITIVITIES = {1.0, 1.25, 1.5, 2.0, 3.0};

    public DetectorSettings {
        if (scoring == null || direction == null || seasonality == null) {
            throw new IllegalArgumentException("scoring, direction and seasonality are required");
        }
        if (!(threshold > 0) || trainingPoints < 3 || minTraining < 3 || minTraining > trainingPoints) {
            throw new IllegalArgumentException("threshold must be > 0 and 3 <= minTraining <= trainingPoints, got "
                    + threshold + ", " + minTraining + ", " + trainingPoints);
        }
        if (minChange < 0 || levelShiftPoints < 2 || alertBudget < 0) {
            throw new IllegalArgumentException("minChange and alertBudget must be >= 0 and levelShiftPoints >= 2");
        }
    }

    public DetectorSettings withThreshold(double t) {
        return new DetectorSettings(
                scoring,
                t,
                trainingPoints,
                minTraining,
                direction,
                minChange,
                absoluteThreshold,
                seasonality,
                levelShiftPoints,
                alertBudget);
    }

    public DetectorSettings withDirection(Direction d) {
        return new DetectorSettings(
                scoring,
                threshold,
                trainingPoints,
                minTraining,
                d,
                minChange,
                absoluteThreshold,
                seasonality,
                levelShiftPoints,
                alertBudget);
    }

    public DetectorSettings withMinChange(double m, double absolute) {
        return new DetectorSettings(
                scoring,
                threshold,
                trainingPoints,
                minTraining,
                direction,
                m,
                absolute,
                seasonality,
                levelShiftPoints,
                alertBudget);
    }

    public DetectorSettings withSeasonality(Seasonality k) {
        return new DetectorSettings(
                scoring,
                threshold,
                trainingPoints,
                minTraining,
                direction,
                minChange,
                absoluteThreshold,
                k,
                levelShiftPoints,
                alertBudget);
    }

    /** Robust (median/MAD) or classic (mean/standard deviation) scores. */
    public enum Scoring {
        MAD,
        Z
    }

    /** Which way a change alerts. */
    public enum Direction {
        UP,
        DOWN,
        BOTH
    }

    /** The seasonal baseline. */
    public enum Seasonality {
        AUTO,
        NONE,
        DAY_OF_WEEK,
        HOUR_OF_DAY,
        HOUR_OF_WEEK
    }
}
