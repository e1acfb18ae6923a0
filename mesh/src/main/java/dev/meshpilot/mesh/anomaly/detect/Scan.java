package dev.meshpilot.mesh.anomaly.detect;

/**
 * The detector's verdict on every point of one series, in arrays indexed like the input (reusable between
 * series to avoid allocation). A point that was not judged (too little training, excluded) has a NaN score.
 * Not thread-safe.
 */
public final class Scan {
    double[] score = new double[0];
    double[] expected = new double[0];
    double[] spread = new double[0];
    int[] training = new int[0];
    boolean[] candidate = new boolean[0];
    boolean[] shift = new boolean[0];
    int n;
    int from;
    double chosen;
    boolean seasonal;
    DetectorSettings.Seasonality baseline = DetectorSettings.Seasonality.NONE;
    int historyAlerts;

    void reset(int size, int windowFrom) {
        if (score.length < size) {
            int cap = Math.max(size, score.length * 2);
            score = new double[cap];
            expected = new double[cap];
            spread = new double[cap];
            training = new int[cap];
            candidate = new boolean[cap];
            shift = new boolean[cap];
        }
        n = size;
        from = windowFrom;
    }

    /** Whether point {@code i} alerts at the threshold the backtest chose. */
    public boolean anomalous(int i) {
        return candidate[i] && Math.abs(score[i]) >= chosen;
    }

    public int size() {
        return n;
    }

    /** The first index of the window being reported on. */
    public int from() {
        return from;
    }

    public double score(int i) {
        return score[i];
    }

    public double expected(int i) {
        return expected[i];
    }

    /** The low end of the expected band at the chosen threshold. */
    public double low(int i) {
        return expected[i] - chosen * spread[i];
    }

    /** The high end of the expected band at the chosen threshold. */
    public double high(int i) {
        return expected[i] + chosen * spread[i];
    }

    /** How many training points point {@code i} was judged against. */
    public int training(int i) {
        return training[i];
    }

    /** Whether point {@code i} completed a level shift: from here on the new level is normal. */
    public boolean levelShift(int i) {
        return shift[i];
    }

    /** The threshold the backtest chose to meet the alert budget. */
    public double threshold() {
        return chosen;
    }

    /** Whether a seasonal baseline (day-of-week, hour-of-day or hour-of-week) was used. */
    public boolean seasonal() {
        return seasonal;
    }

    /** The seasonal baseline used: {@code DAY_OF_WEEK}, {@code HOUR_OF_DAY}, {@code HOUR_OF_WEEK} or {@code NONE}. */
    public DetectorSettings.Seasonality baseline() {
        return baseline;
    }

    /** Alerts the chosen threshold raises on the history before the window. */
    public int historyAlerts() {
        return historyAlerts;
    }
}
