package dev.meshpilot.evals.suite;

import java.nio.file.Path;

/**
 * The mesh a case runs on: the bundled demo workspace ({@code demo}) or a generated one ({@code generated},
 * with products, days and seed), optionally changed by the case's overlay — files under {@code overlay/}
 * that add or replace workspace files, and files under {@code append/} whose YAML lists (or NDJSON lines)
 * are appended to the workspace's file of the same path. Overlay text may plant a payload of the shared
 * injection corpus with {@code {{injection:<id>}}}.
 */
public record MeshSpec(String base, int products, int days, long seed, Path overlay, Path append) {
    public static final String DEMO = "demo";
    public static final String GENERATED = "generated";

    /** Identifies the base workspace: cases with the same key and no overlay share one loaded mesh. */
    public String baseKey() {
        return GENERATED.equals(base) ? "generated-" + products + "p-" + days + "d-seed" + seed : DEMO;
    }

    public boolean changed() {
        return overlay != null || append != null;
    }
}
