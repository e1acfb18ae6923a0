package dev.meshpilot.mesh.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a document's fused score is the sum over the
 * lists it appears in of {@code 1 / (K + rank)}, ranks from 1. Ties go to the better single rank, then to
 * the lower Lucene doc id, so the order is deterministic.
 */
final class Fusion {
    static final int K = 60;

    /** A document of one searcher with its rank in each list (0 = absent) and its score. */
    record Ranked(int doc, double score, int bm25Rank, int vectorRank) {
        int bestRank() {
            return Math.min(
                    bm25Rank == 0 ? Integer.MAX_VALUE : bm25Rank, vectorRank == 0 ? Integer.MAX_VALUE : vectorRank);
        }
    }

    private Fusion() {}

    static List<Ranked> fuse(ScoreDoc[] bm25, ScoreDoc[] vector) {
        Map<Integer, int[]> ranks = new HashMap<>();
        for (int i = 0; i < bm25.length; i++) {
            ranks.computeIfAbsent(bm25[i].doc, d -> new int[2])[0] = i + 1;
        }
        for (int i = 0; i < vector.length; i++) {
            ranks.computeIfAbsent(vector[i].doc, d -> new int[2])[1] = i + 1;
        }
        List<Ranked> out = new ArrayList<>(ranks.size());
        ranks.forEach((doc, r) -> out.add(new Ranked(doc, rrf(r[0]) + rrf(r[1]), r[0], r[1])));
        out.sort(Comparator.comparingDouble(Ranked::score)
                .reversed()
                .thenComparingInt(Ranked::bestRank)
                .thenComparingInt(Ranked::doc));
        return out;
    }

    /** One list as it is, scores kept; {@code bm25} says which rank the position goes to. */
    static List<Ranked> single(ScoreDoc[] list, boolean bm25) {
        List<Ranked> out = new ArrayList<>(list.length);
        for (int i = 0; i < list.length; i++) {
            out.add(new Ranked(list[i].doc, list[i].score, bm25 ? i + 1 : 0, bm25 ? 0 : i + 1));
        }
        return out;
    }

    private static double rrf(int rank) {
        return rank == 0 ? 0 : 1.0 / (K + rank);
    }
}
