package dev.meshpilot.mesh.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.store.MeshStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labelled query set of the demo mesh (evals/search/acme-retail-queries.yaml): it is well-formed, its
 * paraphrases really share no word with their targets, and hybrid ranking beats BM25 and vectors alone on
 * nDCG@10.
 */
class SearchQualityTest {
    @TempDir
    static Path tmp;

    static MeshStore store;
    static SearchIndex index;
    static List<LabelledQuery> queries;
    static Map<String, SearchDocument> docs = new HashMap<>();

    @BeforeAll
    static void indexDemo() {
        store = DemoMesh.copy(tmp);
        index = SearchIndex.open(tmp.resolve("index"), new MiniLmEmbedder());
        index.sync(store);
        queries = SearchQuality.read(DemoMesh.QUERIES);
        SearchDocuments.all(store).forEach(d -> docs.put(d.key(), d));
    }

    @AfterAll
    static void close() {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void should_label_at_least_forty_queries_over_every_kind_of_document() {
        assertThat(queries).hasSizeGreaterThanOrEqualTo(40);
        assertThat(queries).extracting(LabelledQuery::id).doesNotHaveDuplicates();
        Set<DocType> targetTypes = EnumSet.noneOf(DocType.class);
        for (LabelledQuery q : queries) {
            assertThat(q.targets()).as(q.id()).isNotEmpty();
            assertThat(q.relevant().keySet())
                    .as(q.id())
                    .allSatisfy(k -> assertThat(docs).containsKey(k));
            q.targets().forEach(k -> targetTypes.add(DocType.parse(k.substring(0, k.indexOf(':')))));
        }
        assertThat(targetTypes).containsExactlyInAnyOrder(DocType.values());
    }

    @Test
    void should_share_no_content_word_between_a_paraphrase_and_its_targets() {
        List<LabelledQuery> paraphrases =
                queries.stream().filter(q -> q.kind().equals("paraphrase")).toList();
        assertThat(paraphrases).hasSizeGreaterThanOrEqualTo(12);
        for (LabelledQuery q : paraphrases) {
            Set<String> words = terms(q.text());
            assertThat(words).as(q.id()).isNotEmpty();
            for (String target : q.targets()) {
                SearchDocument d = docs.get(target);
                Set<String> shared = new TreeSet<>(words);
                shared.retainAll(terms(String.join(" ", d.title(), d.id(), d.names(), d.body(), d.embedText())));
                assertThat(shared).as("%s shares words with %s", q.id(), target).isEmpty();
            }
        }
    }

    @Test
    void should_rank_better_with_hybrid_than_with_bm25_or_vectors_alone() {
        SearchQuality.Report report = SearchQuality.evaluate(index, queries);
        System.out.println("nDCG@10 on " + queries.size() + " labelled queries of the demo mesh:\n" + report.table());
        report.perQuery().forEach(System.out::println);
        double hybrid = report.mean("all", SearchMode.HYBRID);
        assertThat(hybrid).isGreaterThan(report.mean("all", SearchMode.BM25));
        assertThat(hybrid).isGreaterThan(report.mean("all", SearchMode.VECTOR));
        assertThat(report.mean("paraphrase", SearchMode.BM25)).isLessThan(report.mean("paraphrase", SearchMode.VECTOR));
    }

    /** The analysed terms of {@code text}, as the BM25 fields see them (stemmed, stop words dropped). */
    static Set<String> terms(String text) {
        Set<String> out = new TreeSet<>();
        try (MeshAnalyzer analyzer = new MeshAnalyzer();
                TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
