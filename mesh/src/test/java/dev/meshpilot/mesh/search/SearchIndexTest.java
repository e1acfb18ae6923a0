package dev.meshpilot.mesh.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Searching the demo mesh: ranking basics, filters in every mode, and odd user text. */
class SearchIndexTest {
    @TempDir
    static Path tmp;

    static MeshStore store;
    static SearchIndex index;

    @BeforeAll
    static void indexDemo() {
        store = DemoMesh.copy(tmp);
        index = SearchIndex.open(tmp.resolve("index"), new MiniLmEmbedder());
        index.sync(store);
    }

    @AfterAll
    static void close() {
        if (index != null) {
            index.close();
        }
    }

    static List<SearchHit> search(SearchQuery q) {
        return index.search(q);
    }

    @Test
    void should_index_every_product_contract_runbook_and_incident() {
        long expected = store.count("product")
                + store.withHandle(h -> h.createQuery("SELECT count(DISTINCT id) FROM contract")
                        .mapTo(long.class)
                        .one())
                + store.count("runbook")
                + store.count("incident");
        assertThat(index.count()).isEqualTo(expected);
    }

    @Test
    void should_rank_the_product_and_its_contract_first_for_an_exact_id() {
        List<SearchHit> hits = search(SearchQuery.of("payments.refunds"));
        assertThat(hits.subList(0, 2)).extracting(SearchHit::id).containsOnly("payments.refunds");
        assertThat(hits.get(0).bm25Rank()).isPositive();
    }

    @Test
    void should_describe_a_hit_with_domain_title_snippet_and_both_ranks() {
        SearchHit hit = search(SearchQuery.of("duplicate refunds negative net revenue")).stream()
                .filter(h -> h.id().equals("INC-0969"))
                .findFirst()
                .orElseThrow();
        assertThat(hit.type()).isEqualTo(DocType.INCIDENT);
        assertThat(hit.domain()).isEqualTo("payments");
        assertThat(hit.title()).isEqualTo("Duplicate refunds turned net revenue negative for several stores");
        assertThat(hit.snippet()).isNotBlank().hasSizeLessThanOrEqualTo(201);
        assertThat(hit.bm25Rank()).isPositive();
        assertThat(hit.vectorRank()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void should_return_only_the_asked_types_in_every_mode(SearchMode mode) {
        List<SearchHit> hits =
                search(new SearchQuery("refunds", Set.of(DocType.RUNBOOK, DocType.INCIDENT), Set.of(), 50, mode));
        assertThat(hits).isNotEmpty();
        assertThat(hits).allSatisfy(h -> assertThat(h.type()).isIn(DocType.RUNBOOK, DocType.INCIDENT));
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void should_return_only_the_asked_domains_in_every_mode(SearchMode mode) {
        List<SearchHit> hits = search(new SearchQuery("revenue flash late", Set.of(), Set.of("payments"), 50, mode));
        assertThat(hits).isNotEmpty();
        assertThat(hits)
                .allSatisfy(h -> assertThat(h.domain() == null ? "payments (several)" : h.domain())
                        .startsWith("payments"));
        assertThat(hits).extracting(SearchHit::id).doesNotContain("finance.revenue_daily", "RB-revenue-flash");
    }

    @Test
    void should_file_a_runbook_under_the_domains_of_the_products_it_applies_to() {
        List<SearchHit> finance = search(
                new SearchQuery("revenue flash", Set.of(DocType.RUNBOOK), Set.of("finance"), 10, SearchMode.HYBRID));
        assertThat(finance).extracting(SearchHit::id).contains("RB-revenue-flash", "RB-duplicate-keys");
        assertThat(finance).extracting(SearchHit::id).doesNotContain("RB-first-response");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"AND OR ( ] * ?", "\"unbalanced", "title:foo~2^3 AND", "\\", "*", "a+b-c!{}[]/", "ü ß ∑ 漢字"})
    void should_accept_any_text_without_a_syntax_error(String text) {
        for (SearchMode mode : SearchMode.values()) {
            assertThat(search(SearchQuery.of(text).withMode(mode))).hasSizeLessThanOrEqualTo(10);
        }
    }

    @Test
    void should_refuse_empty_text_with_a_usage_error() {
        assertThatThrownBy(() -> SearchQuery.of("  "))
                .isInstanceOfSatisfying(
                        MeshpilotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> SearchQuery.of("x").withLimit(0)).hasMessageContaining("between 1 and");
    }

    @Test
    void should_name_the_valid_types_when_a_type_is_unknown() {
        assertThat(DocType.parse("Incidents")).isEqualTo(DocType.INCIDENT);
        assertThatThrownBy(() -> DocType.parse("dashboard"))
                .hasMessageContaining("product, contract, runbook, incident");
    }

    @Test
    void should_fail_clearly_when_a_second_writer_opens_the_same_folder() {
        assertThatThrownBy(() -> SearchIndex.open(tmp.resolve("index"), new MiniLmEmbedder()))
                .isInstanceOfSatisfying(
                        MeshpilotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILED))
                .hasMessageContaining("open in another process");
    }
}
