package dev.meshpilot.evals.suite;

import java.nio.file.Path;

/**
 * The mesh a case runs on: the bundled demo workspace ({@code demo}), a generated one ({@code generated},
 * with products, days and seed) or a hand-written workspace kept beside the suite ({@code workspace}, with
 * its folder), optionally changed by the case's overlay — files under {@code overlay/} that add or replace
 * workspace files, files under {@code append/} whose YAML lists (or NDJSON lines) are appended to the
 * workspace's file of the same path, and Alertmanager webhook notifications under {@code alerts/} that are
 * received after the workspace loads. Overlay text may plant a payload of the shared injection corpus with
 * {@code {{injection:<id>}}}.
 */
public record MeshSpec(
        String base, int products, int days, long seed, Path workspace, Path overlay, Path append, Path alerts) {
    public static final String DEMO = "demo";
    public static final String GENERATED = "generated";
    public static final String WORKSPACE = "workspace";

    /** A mesh without alerts: the demo or a generated one. */
    public MeshSpec(String base, int products, int days, long seed, Path overlay, Path append) {
        this(base, products, days, seed, null, overlay, append, null);
    }

    /** Identifies the base workspace: cases with the same key and no overlay share one loaded mesh. */
    public String baseKey() {
        return switch (base) {
            case GENERATED -> "generated-" + products + "p-" + days + "d-seed" + seed;
            case WORKSPACE ->
                "workspace-" + workspace.getFileName() + "-"
                        + Integer.toHexString(
                                workspace.toAbsolutePath().normalize().hashCode());
            default -> DEMO;
        };
    }

    public boolean changed() {
        return overlay != null || append != null || alerts != null;
    }
}
