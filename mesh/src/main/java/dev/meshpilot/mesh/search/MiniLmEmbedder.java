package dev.meshpilot.mesh.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * all-MiniLM-L6-v2 (384 dimensions, L2-normalised) on ONNX Runtime, from the model and tokenizer bundled in
 * langchain4j's jar: nothing is downloaded. The model is loaded on first use (1–3 s) and once per process,
 * however many instances are created; every instance shares it.
 *
 * <pre>{@code
 * float[] v = new MiniLmEmbedder().embed("refunds counted twice");
 * }</pre>
 *
 * <p>Thread-safe. Before loading, sets the DJL system properties {@code ai.djl.offline} and
 * {@code OPT_OUT_TRACKING} (unless already set) so that DJL makes no network call. Fails with
 * {@link IllegalArgumentException} on blank text.
 */
public final class MiniLmEmbedder implements Embedder {
    public static final int DIMENSIONS = 384;

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String modelId() {
        return "all-minilm-l6-v2/onnx/384";
    }

    @Override
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cannot embed blank text");
        }
        return Model.INSTANCE.embed(text).content().vector();
    }

    /** Embeds {@code texts} in parallel, one text per core at a time. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("cannot embed blank text");
            }
            segments.add(TextSegment.from(t));
        }
        List<Embedding> out = Model.INSTANCE.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(out.size());
        out.forEach(e -> vectors.add(e.vector()));
        return vectors;
    }

    /** Loaded when first touched; the JVM guarantees once, thread-safely. */
    private static final class Model {
        static final AllMiniLmL6V2EmbeddingModel INSTANCE = load();

        private static AllMiniLmL6V2EmbeddingModel load() {
            if (System.getProperty("ai.djl.offline") == null) {
                System.setProperty("ai.djl.offline", "true");
            }
            if (System.getProperty("OPT_OUT_TRACKING") == null) {
                System.setProperty("OPT_OUT_TRACKING", "true");
            }
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Executors.newFixedThreadPool(
                    threads, Thread.ofPlatform().daemon().name("minilm-", 0).factory());
            return new AllMiniLmL6V2EmbeddingModel(pool);
        }
    }
}
