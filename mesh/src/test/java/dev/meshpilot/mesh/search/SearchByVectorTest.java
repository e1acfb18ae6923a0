package dev.meshpilot.mesh.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document's stored vector can stand for its meaning: "more like this" without embedding its text again. */
class SearchByVectorTest {
    @TempDir
    Path tmp;

    @Test
    void should_find_documents_like_an_indexed_one_by_its_stored_vector() {
        MeshStore store = DemoMesh.copy(tmp.resolve("store"));
        try (SearchIndex index = SearchIndex.open(tmp.resolve("index"), new MiniLmEmbedder())) {
            index.sync(store);
            float[] v = index.vectorOf(DocType.INCIDENT, "INC-0969").orElseThrow();
            assertThat(v).hasSize(MiniLmEmbedder.DIMENSIONS);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
            var hits = index.search(
                    new SearchQuery("duplicate refunds", Set.of(DocType.INCIDENT), Set.of(), 5, SearchMode.VECTOR), v);
            assertThat(hits.getFirst().id()).isEqualTo("INC-0969");
            assertThat(index.vectorOf(DocType.INCIDENT, "INC-0000")).isEmpty();
        }
    }
}
