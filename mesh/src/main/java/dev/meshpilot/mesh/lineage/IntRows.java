package dev.meshpilot.mesh.lineage;

import java.util.Arrays;

/**
 * Adjacency lists over int node ids: one primitive {@code int[]} row per node, sorted and free of duplicates
 * once {@link #seal()}ed, each edge optionally carrying an int label (a transformation id). Bulk loading
 * appends unsorted and seals once; later additions insert in place, so membership stays a binary search.
 * Not thread-safe: {@link LineageGraph} guards it.
 */
final class IntRows {
    private static final int[] EMPTY = new int[0];

    private final boolean labelled;
    private int[][] rows = new int[16][];
    private int[][] labels;
    private int[] sizes = new int[16];
    private long edges;

    IntRows(boolean labelled) {
        this.labelled = labelled;
        this.labels = labelled ? new int[16][] : null;
    }

    /** Bulk load: appends without checking order or duplicates; call {@link #seal()} before any lookup. */
    void append(int row, int value, int label) {
        ensureRow(row);
        int n = sizes[row];
        int[] r = rows[row];
        if (r == null || r.length == n) {
            r = rows[row] = grow(r, n);
            if (labelled) {
                labels[row] = grow(labels[row], n);
            }
        }
        r[n] = value;
        if (labelled) {
            labels[row][n] = label;
        }
        sizes[row] = n + 1;
        edges++;
    }

    /** Sorts every row and drops duplicate values (the last label appended for a value wins). */
    void seal() {
        edges = 0;
        for (int row = 0; row < rows.length; row++) {
            int n = sizes[row];
            if (n > 1) {
                sizes[row] = labelled ? sortLabelled(row, n) : sortPlain(row, n);
            }
            edges += sizes[row];
        }
    }

    /**
     * Adds {@code row → value} keeping the row sorted; returns false (and changes nothing) if present with the
     * same label. A present edge with another label takes the new one.
     */
    boolean add(int row, int value, int label) {
        ensureRow(row);
        int n = sizes[row];
        int at = n == 0 ? -1 : Arrays.binarySearch(rows[row], 0, n, value);
        if (at >= 0) {
            if (labelled && labels[row][at] != label) {
                labels[row][at] = label;
                return true;
            }
            return false;
        }
        int insert = -at - 1;
        rows[row] = insertAt(rows[row], n, insert, value);
        if (labelled) {
            labels[row] = insertAt(labels[row], n, insert, label);
        }
        sizes[row] = n + 1;
        edges++;
        return true;
    }

    boolean contains(int row, int value) {
        return row < sizes.length && sizes[row] > 0 && Arrays.binarySearch(rows[row], 0, sizes[row], value) >= 0;
    }

    int size(int row) {
        return row < sizes.length ? sizes[row] : 0;
    }

    /** The row's backing array: read only its first {@link #size(int)} entries. */
    int[] row(int row) {
        return row < rows.length && rows[row] != null ? rows[row] : EMPTY;
    }

    /** The labels of the row, parallel to {@link #row(int)}. */
    int[] labels(int row) {
        return row < rows.length && labels[row] != null ? labels[row] : EMPTY;
    }

    long edges() {
        return edges;
    }

    /** Bytes held by the rows (array headers and slack included), for status output. */
    long bytes() {
        long b = 16L + 4L * sizes.length + 16L + 8L * rows.length;
        for (int[] r : rows) {
            b += r == null ? 0 : 16L + 4L * r.length;
        }
        return labelled ? 2 * b : b;
    }

    private void ensureRow(int row) {
        if (row >= sizes.length) {
            int n = Math.max(row + 1, sizes.length + (sizes.length >> 1));
            sizes = Arrays.copyOf(sizes, n);
            rows = Arrays.copyOf(rows, n);
            if (labelled) {
                labels = Arrays.copyOf(labels, n);
            }
        }
    }

    private static int[] grow(int[] r, int n) {
        return r == null ? new int[4] : Arrays.copyOf(r, n + Math.max(4, n >> 1));
    }

    private static int[] insertAt(int[] r, int n, int at, int value) {
        int[] out = r == null || r.length == n ? new int[n + Math.max(4, n >> 1)] : r;
        if (out != r && r != null) {
            System.arraycopy(r, 0, out, 0, at);
        }
        if (r != null) {
            System.arraycopy(r, at, out, at + 1, n - at);
        }
        out[at] = value;
        return out;
    }

    private int sortPlain(int row, int n) {
        int[] r = rows[row];
        Arrays.sort(r, 0, n);
        int w = 1;
        for (int i = 1; i < n; i++) {
            if (r[i] != r[w - 1]) {
                r[w++] = r[i];
            }
        }
        return w;
    }

    private int sortLabelled(int row, int n) {
        int[] r = rows[row];
        int[] l = labels[row];
        long[] pairs = new long[n];
        for (int i = 0; i < n; i++) {
            pairs[i] = ((long) r[i] << 32) | (i & 0xffffffffL);
        }
        Arrays.sort(pairs);
        int w = 0;
        int[] sortedLabels = new int[l.length];
        for (int i = 0; i < n; i++) {
            int value = (int) (pairs[i] >>> 32);
            int label = l[(int) pairs[i]];
            if (w > 0 && r[w - 1] == value) {
                sortedLabels[w - 1] = label; // the later append wins
            } else {
                r[w] = value;
                sortedLabels[w++] = label;
            }
        }
        labels[row] = sortedLabels;
        return w;
    }
}
