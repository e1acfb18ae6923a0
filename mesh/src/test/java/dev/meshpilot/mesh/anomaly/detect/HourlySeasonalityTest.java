package dev.meshpilot.mesh.anomaly.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.anomaly.detect.DetectorSettings.Seasonality;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hour-of-day and hour-of-week baselines on synthetic hourly series. The expected answers were written before the
 * code: a quiet night hour is normal, the same drop at the evening peak is not; a weekend dip is normal only when
 * the history holds three weeks; a flat hourly series gets no seasonal baseline.
 */
class HourlySeasonalityTest {
    static final long START = DetectorTest.START; // a Monday, 00:00 UTC

    final Detector detector = new Detector();
    final Scan scan = new Scan();

    /** Traffic by hour: 10% at 03:00, peaking at 250% around 19:00, with 3% noise. */
    static double daily(int hour) {
        return 1.0 + 0.75 * Math.sin((hour - 13) * Math.PI / 12) + 0.6 * Math.exp(-Math.pow(hour - 19, 2) / 4.0);
    }

    static double[] hourly(int hours, long seed, boolean weekendDip) {
        Random r = new Random(seed);
        double[] v = new double[hours];
        for (int i = 0; i < hours; i++) {
            int dow = (i / 24) % 7;
            double week = weekendDip && dow >= 5 ? 0.5 : 1.0;
            v[i] = 1_000 * daily(i % 24) * week * (1 + 0.03 * (2 * r.nextDouble() - 1));
        }
        return v;
    }

    static long[] times(int hours) {
        long[] t = new long[hours];
        for (int i = 0; i < hours; i++) {
            t[i] = START + i * 3_600L;
        }
        return t;
    }

    List<Integer> anomalies(double[] v, int from, DetectorSettings s) {
        detector.scan(times(v.length), v, v.length, from, null, s, scan);
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < v.length; i++) {
            if (scan.anomalous(i)) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void should_use_hour_of_day_and_stay_quiet_through_the_night_when_an_hourly_series_has_a_daily_cycle() {
        for (long seed = 1; seed <= 20; seed++) {
            double[] v = hourly(24 * 10, seed, false);
            assertThat(anomalies(v, 24 * 8, DetectorSettings.DEFAULT))
                    .as("seed " + seed)
                    .isEmpty();
            assertThat(scan.baseline()).isEqualTo(Seasonality.HOUR_OF_DAY);
            assertThat(scan.seasonal()).isTrue();
        }
    }

    @Test
    void should_flag_a_drop_at_the_evening_peak_to_the_level_of_an_ordinary_afternoon_when_hour_of_day_is_used() {
        for (long seed = 1; seed <= 20; seed++) {
            double[] v = hourly(24 * 10, seed, false);
            int peak = 24 * 9 + 19;
            v[peak] = v[peak - 4]; // 15:00's value at 19:00: ordinary for the day, not for the hour
            assertThat(anomalies(v, 24 * 8, DetectorSettings.DEFAULT))
                    .as("seed " + seed)
                    .containsExactly(peak);
            assertThat(scan.expected(peak)).isGreaterThan(v[peak] * 1.3);
        }
    }

    @Test
    void should_use_hour_of_week_and_not_alert_on_the_weekend_dip_when_two_weeks_of_history_show_it() {
        for (long seed = 1; seed <= 10; seed++) {
            double[] v = hourly(24 * 7 * 4, seed, true);
            assertThat(anomalies(v, 24 * 7 * 3, DetectorSettings.DEFAULT))
                    .as("seed " + seed)
                    .isEmpty();
            assertThat(scan.baseline()).isEqualTo(Seasonality.HOUR_OF_WEEK);
        }
    }

    @Test
    void should_use_no_baseline_when_an_hourly_series_is_flat() {
        Random r = new Random(7);
        double[] v = new double[24 * 10];
        for (int i = 0; i < v.length; i++) {
            v[i] = 500 * (1 + 0.03 * (2 * r.nextDouble() - 1));
        }
        assertThat(anomalies(v, 24 * 8, DetectorSettings.DEFAULT)).isEmpty();
        assertThat(scan.baseline()).isEqualTo(Seasonality.NONE);
    }

    @Test
    void should_follow_the_override_when_a_metric_asks_for_no_seasonality() {
        double[] v = hourly(24 * 10, 3, false);
        DetectorSettings none = DetectorSettings.DEFAULT.withSeasonality(Seasonality.NONE);
        anomalies(v, 24 * 8, none);
        assertThat(scan.baseline()).isEqualTo(Seasonality.NONE);
        DetectorSettings hod = DetectorSettings.DEFAULT.withSeasonality(Seasonality.HOUR_OF_DAY);
        assertThat(anomalies(hourly(24 * 7 * 4, 3, true), 24 * 7 * 3, hod)).isNotEmpty(); // weekends look low
        assertThat(scan.baseline()).isEqualTo(Seasonality.HOUR_OF_DAY);
    }
}
