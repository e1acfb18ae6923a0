package dev.meshpilot.mesh.search;

import java.util.Objects;

/**
 * One search result. {@code score} is the fused RRF score in {@link SearchMode#HYBRID}, the BM25 score in
 * {@link SearchMode#BM25} and the vector similarity (0 to 1) in {@link SearchMode#VECTOR}. {@code bm25Rank}
 * and {@code vectorRank} are the 1-based ranks in each list, 0 when the document was not in that list (or
 * the list was not computed). {@code domain} is null when the document has no domain, or several (a
 * runbook that applies to products of several domains). {@code snippet} is at most about 200 characters.
 */
public record SearchHit(
        String id,
        DocType type,
        String domain,
        String title,
        String snippet,
        double score,
        int bm25Rank,
        int vectorRank) {
    public SearchHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        snippet = snippet == null ? "" : snippet;
    }
}
