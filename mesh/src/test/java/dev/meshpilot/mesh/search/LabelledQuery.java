package dev.meshpilot.mesh.search;

import java.util.Map;
import java.util.Objects;

/**
 * One query of a labelled search set: its text, its kind ({@code keyword}, {@code id} or
 * {@code paraphrase}) and graded relevance by {@code <type>:<id>} key (2 = the answer, 1 = also relevant).
 */
record LabelledQuery(String id, String kind, String text, Map<String, Integer> relevant) {
    public LabelledQuery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        kind = kind == null ? "keyword" : kind;
        relevant = Map.copyOf(relevant);
    }

    /** The keys graded 2: the documents the query is after. */
    public java.util.Set<String> targets() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        relevant.forEach((k, grade) -> {
            if (grade >= 2) {
                out.add(k);
            }
        });
        return out;
    }
}
