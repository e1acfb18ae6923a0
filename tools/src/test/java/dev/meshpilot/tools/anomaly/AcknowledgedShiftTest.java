package dev.meshpilot.tools.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.anomaly.detect.Detector;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import dev.meshpilot.mesh.anomaly.detect.Scan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Feedback on a level shift: acknowledged (or expected) makes the new level the one later points train on. */
class AcknowledgedShiftTest {
    static final long START = 1_793_059_200L; // 2026-10-26T00:00Z
    static final DetectorSettings S = DetectorSettings.DEFAULT;

    final Detector detector = new Detector();
    final Scan scan = new Scan();
    final long[] t = new long[40];
    final double[] v = new double[40];

    AcknowledgedShiftTest() {
        Random r = new Random(11);
        for (int i = 0; i < t.length; i++) {
            t[i] = START + i * 86_400L + 6 * 3600;
            v[i] = (i >= 30 ? 150 : 100) * (1 + 0.02 * (2 * r.nextDouble() - 1));
        }
    }

    static Instant day(int i) {
        return Instant.ofEpochSecond(START + i * 86_400L);
    }

    List<Integer> scan(Exclusions e) {
        detector.scan(
                t, v, t.length, 28, e.mask("p", "row_count", null, t), e.restarts("row_count", null, t, v, S), S, scan);
        List<Integer> out = new ArrayList<>();
        for (int i = 28; i < t.length; i++) {
            if (scan.anomalous(i)) {
                out.add(i);
            }
        }
        return out;
    }

    static Exclusions feedback(String verdict, int from, int to) {
        return new Exclusions(List.of(new Exclusions.Rule(verdict, "row_count", day(from), day(to), null)));
    }

    @Test
    void should_alert_on_the_shift_until_it_becomes_the_new_normal_when_there_is_no_feedback() {
        assertThat(scan(Exclusions.NONE)).containsExactly(30, 31, 32);
        assertThat(scan.levelShift(32)).isTrue();
    }

    @Test
    void should_train_on_the_new_level_from_its_start_when_the_shift_is_acknowledged() {
        assertThat(scan(feedback("acknowledged", 30, 31))).isEmpty();
        assertThat(scan.expected(38)).isBetween(140.0, 160.0);
        assertThat(Double.isNaN(scan.score(30))).isTrue(); // the first points of the new level train unjudged
    }

    @Test
    void should_train_on_the_new_level_after_the_window_when_the_shift_is_marked_expected() {
        assertThat(scan(feedback("expected", 30, 33))).isEmpty();
        assertThat(scan.expected(38)).isBetween(140.0, 160.0);
    }

    @Test
    void should_keep_the_old_level_when_an_expected_window_was_a_one_off() {
        for (int i = 31; i < v.length; i++) {
            v[i] = v[i] / 1.5; // only day 30 was high
        }
        v[36] = 40; // a real drop later
        assertThat(scan(feedback("expected", 30, 31))).containsExactly(36);
        assertThat(scan.expected(38)).isBetween(95.0, 105.0);
    }

    @Test
    void should_keep_the_old_level_when_the_shift_is_only_marked_fixed() {
        for (int i = 33; i < v.length; i++) {
            v[i] = v[i] / 1.5; // fixed: back to the old level after the window
        }
        assertThat(scan(feedback("fixed", 30, 33))).isEmpty();
        assertThat(scan.expected(38)).isBetween(95.0, 105.0);
    }
}
