package dev.meshpilot.mesh.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search quality on a labelled query set: mean nDCG@10 of BM25 alone, vectors alone and hybrid, over all
 * queries and per kind of query. Test tooling: {@link SearchQualityTest} prints the table.
 */
final class SearchQuality {
    public static final int AT = 10;

    private SearchQuality() {}

    /** Mean nDCG@10 per mode, for all queries ({@code "all"}) and per kind. */
    public record Report(
            Map<String, Integer> queries, Map<String, Map<SearchMode, Double>> ndcg, List<QueryScore> perQuery) {
        public double mean(String kind, SearchMode mode) {
            return ndcg.get(kind).get(mode);
        }

        /** A Markdown table: one row per kind of query, one column per mode. */
        public String table() {
            StringBuilder sb = new StringBuilder("| queries | n | BM25 | vectors | hybrid |\n|---|---|---|---|---|\n");
            ndcg.forEach((kind, m) -> sb.append(String.format(
                    java.util.Locale.ROOT,
                    "| %s | %d | %.3f | %.3f | %.3f |%n",
                    kind,
                    queries.get(kind),
                    m.get(SearchMode.BM25),
                    m.get(SearchMode.VECTOR),
                    m.get(SearchMode.HYBRID))));
            return sb.toString();
        }
    }

    /** nDCG@10 of one query in each mode. */
    public record QueryScore(String id, String kind, double bm25, double vector, double hybrid) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%-24s %-10s %.3f %.3f %.3f", id, kind, bm25, vector, hybrid);
        }
    }

    /** Reads a labelled set (see {@code evals/search/acme-retail-queries.yaml}). */
    public static List<LabelledQuery> read(Path file) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            List<LabelledQuery> out = new ArrayList<>();
            for (JsonNode q : root.path("queries")) {
                Map<String, Integer> relevant = new LinkedHashMap<>();
                q.path("relevant")
                        .properties()
                        .forEach(e -> relevant.put(e.getKey(), e.getValue().asInt()));
                out.add(new LabelledQuery(
                        q.path("id").asText(),
                        q.path("kind").asText(null),
                        q.path("text").asText(),
                        relevant));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the labelled queries " + file, e);
        }
    }

    public static Report evaluate(SearchIndex index, List<LabelledQuery> queries) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Map<SearchMode, Double>> sums = new LinkedHashMap<>();
        List<QueryScore> perQuery = new ArrayList<>();
        for (LabelledQuery q : queries) {
            Map<SearchMode, Double> scores = new EnumMap<>(SearchMode.class);
            for (SearchMode mode : SearchMode.values()) {
                scores.put(mode, ndcg(index, q, mode));
            }
            perQuery.add(new QueryScore(
                    q.id(),
                    q.kind(),
                    scores.get(SearchMode.BM25),
                    scores.get(SearchMode.VECTOR),
                    scores.get(SearchMode.HYBRID)));
            for (String kind : List.of("all", q.kind())) {
                counts.merge(kind, 1, Integer::sum);
                Map<SearchMode, Double> m = sums.computeIfAbsent(kind, k -> new EnumMap<>(SearchMode.class));
                scores.forEach((mode, v) -> m.merge(mode, v, Double::sum));
            }
        }
        sums.forEach((kind, m) -> m.replaceAll((mode, sum) -> sum / counts.get(kind)));
        return new Report(counts, sums, perQuery);
    }

    /** nDCG@10 of one query in one mode, with gains {@code 2^grade - 1}. */
    public static double ndcg(SearchIndex index, LabelledQuery q, SearchMode mode) {
        List<SearchHit> hits =
                index.search(SearchQuery.of(q.text()).withLimit(AT).withMode(mode));
        double dcg = 0;
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            int grade = q.relevant().getOrDefault(SearchDocument.key(h.type(), h.id()), 0);
            dcg += (Math.pow(2, grade) - 1) / log2(i + 2);
        }
        List<Integer> ideal = q.relevant().values().stream()
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(AT, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
