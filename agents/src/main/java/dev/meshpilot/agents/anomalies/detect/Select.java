package dev.meshpilot.agents.anomalies.detect;

/** Order statistics of a small scratch array, in place (quickselect); no allocation. */
final class Select {
    private Select() {}

    /** The median of {@code a[0..n)}, reordering {@code a}. */
    static double median(double[] a, int n) {
        int mid = n >>> 1;
        double hi = kth(a, n, mid);
        if ((n & 1) == 1) {
            return hi;
        }
        double lo = a[0];
        for (int i = 1; i < mid; i++) {
            if (a[i] > lo) {
                lo = a[i];
            }
        }
        return (lo + hi) / 2;
    }

    /** The k-th smallest of {@code a[0..n)}; afterwards a[0..k) holds the smaller ones. */
    static double kth(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
