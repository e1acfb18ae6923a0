package dev.meshpilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.search.Embedder;
import dev.meshpilot.mesh.search.MiniLmEmbedder;
import dev.meshpilot.mesh.search.SearchIndex;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HNSW recall against brute force, on the demo mesh's index. */
class VectorRecallTest {
    @TempDir
    Path tmp;

    @Test
    void should_find_every_exact_neighbour_on_a_small_index_with_distinct_vectors() {
        MeshStore store = DemoHome.copy(tmp.resolve("store"));
        MiniLmEmbedder model = new MiniLmEmbedder();
        try (SearchIndex index = SearchIndex.open(tmp.resolve("index"), model)) {
            index.sync(store);
            List<float[]> queries = List.of(model.embed("refunds counted twice"), model.embed("late revenue report"));

            VectorRecall.Result r = VectorRecall.measure(index, queries, 10, 50);

            assertThat(r.documents()).isEqualTo(index.count());
            assertThat(r.recall()).isEqualTo(1.0);
            assertThat(r.recallWithTies()).isEqualTo(1.0);
        }
    }

    @Test
    void should_count_an_equally_near_neighbour_as_found_when_counting_ties() {
        MeshStore store = DemoHome.copy(tmp.resolve("store"));
        Embedder same = new SameVector();
        try (SearchIndex index = SearchIndex.open(tmp.resolve("index"), same)) {
            index.sync(store);

            VectorRecall.Result r = VectorRecall.measure(index, List.of(same.embed("anything")), 10, 10);

            // every document is exactly as near as every other: any ten are a right answer
            assertThat(r.recallWithTies()).isEqualTo(1.0);
            assertThat(r.recall()).isBetween(0.0, 1.0);
        }
    }

    /** Gives every text the same unit vector: all documents tie. */
    private static final class SameVector implements Embedder {
        @Override
        public int dimensions() {
            return 8;
        }

        @Override
        public float[] embed(String text) {
            float[] v = new float[8];
            v[0] = 1;
            return v;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }
    }
}
