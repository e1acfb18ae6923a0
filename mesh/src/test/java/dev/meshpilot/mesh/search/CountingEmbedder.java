package dev.meshpilot.mesh.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The real model, counting and remembering the texts it embeds. */
final class CountingEmbedder implements Embedder {
    private final Embedder model = new MiniLmEmbedder();
    private final String modelId;
    final AtomicInteger texts = new AtomicInteger();
    final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());

    CountingEmbedder() {
        this(new MiniLmEmbedder().modelId());
    }

    /** Reports another model id, as if the model had changed. */
    CountingEmbedder(String modelId) {
        this.modelId = modelId;
    }

    @Override
    public int dimensions() {
        return model.dimensions();
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> batch) {
        texts.addAndGet(batch.size());
        seen.addAll(batch);
        return model.embedAll(batch);
    }

    int reset() {
        seen.clear();
        return texts.getAndSet(0);
    }
}
