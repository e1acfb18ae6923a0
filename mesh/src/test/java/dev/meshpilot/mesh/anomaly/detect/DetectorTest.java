package dev.meshpilot.mesh.anomaly.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.anomaly.detect.DetectorSettings.Direction;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings.Scoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetectorTest {
    static final long START = 1_793_059_200L; // 2026-10-26T00:00Z, a Monday
    static final double[] WEEK = {1.0, 1.0, 1.0, 1.0, 1.08, 1.19, 1.14};

    final Detector detector = new Detector();
    final Scan scan = new Scan();

    /** A daily series with weekly peaks, a 0.5%/day ramp and 3% noise. */
    static double[] retail(int days, long seed) {
        Random r = new Random(seed);
        double[] v = new double[days];
        for (int i = 0; i < days; i++) {
            v[i] = 350_000 * WEEK[i % 7] * (1 + 0.005 * i) * (1 + 0.03 * (2 * r.nextDouble() - 1));
        }
        return v;
    }

    static long[] daily(int days) {
        long[] t = new long[days];
        for (int i = 0; i < days; i++) {
            t[i] = START + i * 86_400L + 3 * 3600;
        }
        return t;
    }

    List<Integer> anomalies(double[] v, int from, boolean[] excluded, DetectorSettings s) {
        detector.scan(daily(v.length), v, v.length, from, excluded, s, scan);
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < v.length; i++) {
            if (scan.anomalous(i)) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void should_flag_a_one_day_drop_and_nothing_else_when_the_series_has_weekly_peaks_and_a_ramp() {
        for (long seed = 1; seed <= 20; seed++) {
            double[] v = retail(30, seed);
            v[24] *= 0.4;
            assertThat(anomalies(v, 22, null, DetectorSettings.DEFAULT))
                    .as("seed " + seed)
                    .containsExactly(24);
            assertThat(scan.seasonal()).isTrue();
            assertThat(scan.training(24)).isGreaterThanOrEqualTo(14);
            assertThat(scan.low(24)).isLessThan(scan.expected(24));
            assertThat(v[25]).isBetween(scan.low(25), scan.high(25));
        }
    }

    @Test
    void should_not_alert_on_weekend_peaks_or_the_ramp_when_nothing_happened() {
        for (long seed = 1; seed <= 50; seed++) {
            assertThat(anomalies(retail(90, seed), 60, null, DetectorSettings.DEFAULT))
                    .as("seed " + seed)
                    .isEmpty();
        }
    }

    @Test
    void should_not_judge_a_series_whose_history_is_shorter_than_the_minimum() {
        double[] v = retail(10, 3);
        v[9] *= 0.3;
        assertThat(anomalies(v, 7, null, DetectorSettings.DEFAULT)).isEmpty();
        assertThat(Double.isNaN(scan.score(9))).isTrue();
    }

    @Test
    void should_accept_a_level_shift_as_normal_after_three_points_and_keep_it_out_of_training_before() {
        double[] v = new double[40];
        Random r = new Random(7);
        for (int i = 0; i < 40; i++) {
            v[i] = (i >= 30 ? 0.35 : 0.011) * (1 + 0.04 * (2 * r.nextDouble() - 1));
        }
        List<Integer> a = anomalies(v, 28, null, DetectorSettings.DEFAULT);
        assertThat(a).containsExactly(30, 31, 32);
        assertThat(scan.levelShift(32)).isTrue();
    }

    @Test
    void should_not_flag_the_return_to_the_earlier_level_when_a_shift_ends() {
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            double[] v = new double[60];
            for (int i = 0; i < 60; i++) {
                double rate = i >= 40 && i < 46 ? 0.38 : 0.012; // six days of a null explosion, then fixed
                v[i] = rate * (1 + 0.04 * (2 * r.nextDouble() - 1));
            }
            List<Integer> a = anomalies(v, 35, null, DetectorSettings.DEFAULT);
            assertThat(a).as("seed " + seed).containsExactly(40, 41, 42);
            assertThat(scan.levelShift(42)).isTrue();
            assertThat(scan.expected(50)).as("seed " + seed).isBetween(0.011, 0.013);
        }
    }

    @Test
    void should_still_flag_a_move_after_a_shift_to_a_level_that_was_never_normal() {
        Random r = new Random(11);
        double[] v = new double[60];
        for (int i = 0; i < 60; i++) {
            double rows = i < 40 ? 1000 : i < 46 ? 2000 : 400; // doubled for good, then fell far below both
            v[i] = rows * (1 + 0.02 * (2 * r.nextDouble() - 1));
        }
        List<Integer> a = anomalies(v, 35, null, DetectorSettings.DEFAULT);
        assertThat(a).contains(40, 41, 42, 46);
    }

    @Test
    void should_neither_train_on_nor_alert_on_excluded_points() {
        double[] v = retail(40, 5);
        boolean[] excluded = new boolean[40];
        for (int i = 10; i < 13; i++) {
            v[i] *= 3; // a declared backfill
            excluded[i] = true;
        }
        v[35] *= 3;
        excluded[35] = true;
        assertThat(anomalies(v, 30, excluded, DetectorSettings.DEFAULT)).isEmpty();
        assertThat(scan.historyAlerts()).isZero();
    }

    @Test
    void should_ignore_small_relative_changes_and_the_other_direction_when_told() {
        double[] v = new double[30];
        for (int i = 0; i < 30; i++) {
            v[i] = 1000 + (i % 2);
        }
        v[27] = 1100; // 10%: a huge score on a flat series, but under the 20% floor
        assertThat(anomalies(v, 22, null, DetectorSettings.DEFAULT)).isEmpty();
        v[27] = 1500;
        assertThat(anomalies(v, 22, null, DetectorSettings.DEFAULT)).containsExactly(27);
        assertThat(anomalies(v, 22, null, DetectorSettings.DEFAULT.withDirection(Direction.DOWN)))
                .isEmpty();
        assertThat(anomalies(v, 22, null, DetectorSettings.DEFAULT.withMinChange(0.2, 1000)))
                .isEmpty();
    }

    @Test
    void should_score_with_mean_and_deviation_when_z_is_chosen() {
        double[] v = retail(30, 9);
        v[26] *= 2;
        DetectorSettings z = new DetectorSettings(
                Scoring.Z, 4, 28, 14, Direction.BOTH, 0.2, Double.NaN, DetectorSettings.Seasonality.AUTO, 3, 1);
        assertThat(anomalies(v, 22, null, z)).containsExactly(26);
    }

    @Test
    void should_raise_the_threshold_until_the_history_meets_the_alert_budget() {
        double[] v = retail(90, 11);
        for (int i = 14; i < 60; i += 9) {
            v[i] *= 1.6; // noisy history: an alert every 9 days at the base threshold
        }
        anomalies(v, 60, null, DetectorSettings.DEFAULT);
        assertThat(scan.threshold()).isGreaterThan(DetectorSettings.DEFAULT.threshold());
    }
}
