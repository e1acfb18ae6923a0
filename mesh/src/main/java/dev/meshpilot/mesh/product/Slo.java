package dev.meshpilot.mesh.product;

import java.util.List;
import java.util.Objects;

/**
 * A service level objective of a product. {@code target} is a duration for freshness (max age of the
 * latest successful run), a row count for volume, a ratio for completeness (max null rate) and
 * availability (min success ratio).
 */
public record Slo(String kind, String target, String description) {
    public static final List<String> KINDS = List.of("freshness", "volume", "completeness", "availability");

    public Slo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }
}
