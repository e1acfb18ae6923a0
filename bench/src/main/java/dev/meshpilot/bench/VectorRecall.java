package dev.meshpilot.bench;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.search.SearchIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;

/**
 * Recall@k of the index's HNSW vector search against exact brute force over the same stored vectors: for
 * each query vector, the share of the exact top k that the approximate search (asked for
 * {@code candidates} ≥ k neighbours, as hybrid search asks for {@link SearchIndex#VECTOR_CANDIDATES}) returns in its
 * top k. For {@code meshpilot bench search}; reads every vector into memory (about 1.6 KB a document).
 *
 * <p>Two counts: {@code recall} counts a returned document only if it is one of the exact top k by id;
 * {@code recallWithTies} is the definition of ann-benchmarks, which counts a returned document whose
 * similarity to the query is within {@link #TIE_EPSILON} (cosine) of the exact k-th neighbour's. They differ
 * when documents tie: generated meshes hold many documents with identical text, hence identical vectors, of
 * which the exact top k picks arbitrarily.
 */
public final class VectorRecall {
    /** Mean recall over the queries, and the mean time of one exact and one HNSW search. */
    public record Result(
            int queries,
            int k,
            int candidates,
            int documents,
            double recall,
            double recallWithTies,
            double exactMillis,
            double hnswMillis) {}

    /** ann-benchmarks' tolerance on the distance of the k-th neighbour. */
    static final double TIE_EPSILON = 1e-3;

    private VectorRecall() {}

    public static Result measure(SearchIndex index, List<float[]> queries, int k, int candidates) {
        try {
            return index.withSearcher(searcher -> measure(searcher, queries, k, candidates));
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot read vectors of " + index.dir(), e);
        }
    }

    private static Result measure(IndexSearcher searcher, List<float[]> queries, int k, int candidates)
            throws IOException {
        List<int[]> docs = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(SearchIndex.VECTOR_FIELD);
            if (values == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) {
                    docs.add(new int[] {leaf.docBase + doc});
                    vectors.add(values.vectorValue(it.index()).clone());
                }
            }
        }
        Map<Integer, float[]> byDoc = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            byDoc.put(docs.get(i)[0], vectors.get(i));
        }
        double recallSum = 0;
        double tiesSum = 0;
        long exactNanos = 0;
        long hnswNanos = 0;
        for (float[] q : queries) {
            long t0 = System.nanoTime();
            PriorityQueue<double[]> top = exactTop(q, docs, vectors, k);
            long t1 = System.nanoTime();
            ScoreDoc[] approx = searcher.search(
                            new KnnFloatVectorQuery(SearchIndex.VECTOR_FIELD, q, candidates), candidates)
                    .scoreDocs;
            long t2 = System.nanoTime();
            exactNanos += t1 - t0;
            hnswNanos += t2 - t1;
            Set<Integer> exact = new HashSet<>();
            top.forEach(e -> exact.add((int) e[1]));
            double kth = top.isEmpty() ? Double.NEGATIVE_INFINITY : top.peek()[0];
            int found = 0;
            int withTies = 0;
            for (int i = 0; i < Math.min(k, approx.length); i++) {
                if (exact.contains(approx[i].doc)) {
                    found++;
                }
                if (cosine(q, byDoc.get(approx[i].doc)) >= kth - TIE_EPSILON) {
                    withTies++;
                }
            }
            int expected = Math.min(k, Math.max(1, exact.size()));
            recallSum += (double) found / expected;
            tiesSum += (double) withTies / expected;
        }
        int n = Math.max(1, queries.size());
        return new Result(
                queries.size(),
                k,
                candidates,
                vectors.size(),
                recallSum / n,
                tiesSum / n,
                exactNanos / 1e6 / n,
                hnswNanos / 1e6 / n);
    }

    /** The exact top k as (cosine, doc) pairs, the k-th (lowest) at the head. */
    private static PriorityQueue<double[]> exactTop(float[] q, List<int[]> docs, List<float[]> vectors, int k) {
        PriorityQueue<double[]> top = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i < vectors.size(); i++) {
            double s = cosine(q, vectors.get(i));
            if (top.size() < k) {
                top.add(new double[] {s, docs.get(i)[0]});
            } else if (s > top.peek()[0]) {
                top.poll();
                top.add(new double[] {s, docs.get(i)[0]});
            }
        }
        return top;
    }

    private static double cosine(float[] a, float[] b) {
        return b == null ? Double.NEGATIVE_INFINITY : VectorUtil.cosine(a, b);
    }
}
