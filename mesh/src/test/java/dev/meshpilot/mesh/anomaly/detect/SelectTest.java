package dev.meshpilot.mesh.anomaly.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectTest {
    @Test
    void should_find_the_same_median_and_mad_from_the_sorted_window_as_by_selection() {
        Random r = new Random(3);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + r.nextInt(40);
            double[] a = new double[n];
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(5) == 0 ? r.nextInt(3) : r.nextGaussian() * 100;
                Select.insert(sorted, i, a[i]);
            }
            double[] copy = a.clone();
            double median = Select.median(copy, n);
            double[] dev = new double[n];
            for (int i = 0; i < n; i++) {
                dev[i] = Math.abs(a[i] - median);
            }
            double mad = Select.median(dev, n);
            double[] expected = a.clone();
            Arrays.sort(expected);
            assertThat(sorted).containsExactly(expected);
            assertThat(Select.madOfSorted(sorted, n, median)).isCloseTo(mad, org.assertj.core.data.Offset.offset(1e-9));
            Select.remove(sorted, n, a[0]);
            assertThat(Arrays.copyOf(sorted, n - 1)).isSorted();
        }
    }
}
