package dev.meshpilot.mesh.search;

import java.util.List;

/**
 * Turns text into a dense vector of {@link #dimensions()} floats, L2-normalised. Implementations must be
 * thread-safe and must not reach the network.
 */
public interface Embedder {
    int dimensions();

    float[] embed(String text);

    /** The vectors of {@code texts}, in order. */
    List<float[]> embedAll(List<String> texts);

    /**
     * Names the model; stored in the index, so that documents are re-embedded when the model changes.
     * Defaults to the class name and the dimensions.
     */
    default String modelId() {
        return getClass().getName() + "/" + dimensions();
    }
}
