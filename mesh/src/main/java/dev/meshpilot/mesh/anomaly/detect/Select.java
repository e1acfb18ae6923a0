package dev.meshpilot.mesh.anomaly.detect;

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

    /** The median absolute deviation from {@code m} of sorted {@code s[0..n)}: walks outwards from m. */
    static double madOfSorted(double[] s, int n, double m) {
        int r = lowerBound(s, n, m);
        int l = r - 1;
        int need = n >>> 1;
        double prev = 0;
        double cur = 0;
        for (int k = 0; k <= need; k++) {
            double dl = l >= 0 ? m - s[l] : Double.POSITIVE_INFINITY;
            double dr = r < n ? s[r] - m : Double.POSITIVE_INFINITY;
            prev = cur;
            if (dl <= dr) {
                cur = dl;
                l--;
            } else {
                cur = dr;
                r++;
            }
        }
        return (n & 1) == 1 ? cur : (prev + cur) / 2;
    }

    /** Inserts {@code v} into sorted {@code s[0..n)} (room for n + 1). */
    static void insert(double[] s, int n, double v) {
        int at = lowerBound(s, n, v);
        System.arraycopy(s, at, s, at + 1, n - at);
        s[at] = v;
    }

    /** Removes one occurrence of {@code v} from sorted {@code s[0..n)}. */
    static void remove(double[] s, int n, double v) {
        int at = lowerBound(s, n, v);
        if (at < n && s[at] == v) {
            System.arraycopy(s, at + 1, s, at, n - at - 1);
        }
    }

    /** The first index whose value is not below {@code v}. */
    static int lowerBound(double[] s, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
