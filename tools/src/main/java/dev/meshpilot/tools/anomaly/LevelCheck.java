package dev.meshpilot.tools.anomaly;

import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import java.util.Arrays;

/**
 * Whether a window marked {@code expected} was a level shift that lasted: the median of its points and of the
 * points just after it (up to {@code levelShiftPoints}) both differ from the median of the points before it (up to
 * {@code trainingPoints}) in the same direction, by at least {@code minChange} (never under 10%).
 */
final class LevelCheck {
    private LevelCheck() {}

    static boolean persisted(double[] v, int start, int end, DetectorSettings s) {
        if (start == 0 || end <= start || end >= v.length) {
            return false;
        }
        double before = median(v, Math.max(0, start - s.trainingPoints()), start);
        double during = median(v, start, end);
        double after = median(v, end, Math.min(v.length, end + s.levelShiftPoints()));
        double floor = Math.max(s.minChange(), 0.1);
        return moved(before, during, floor)
                && moved(before, after, floor)
                && Math.signum(during - before) == Math.signum(after - before);
    }

    private static boolean moved(double from, double to, double floor) {
        return from == 0 ? to != 0 : Math.abs(to - from) / Math.abs(from) >= floor;
    }

    private static double median(double[] v, int from, int to) {
        double[] a = Arrays.copyOfRange(v, from, to);
        Arrays.sort(a);
        int m = a.length / 2;
        return a.length % 2 == 1 ? a[m] : (a[m - 1] + a[m]) / 2;
    }
}
