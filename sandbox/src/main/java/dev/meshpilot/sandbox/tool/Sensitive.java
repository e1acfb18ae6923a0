package dev.meshpilot.sandbox.tool;

import java.util.Objects;

/**
 * Marks output values that carry classified data: every value at {@code path} (a JSON pointer where
 * {@literal *} matches any array index or field, e.g. /rows/{@literal *}/email) comes from {@code product} and is
 * classified {@code classification} (as in the product's ODCS contract: {@code pii}, {@code restricted}, ...).
 */
public record Sensitive(String path, String domain, String product, String classification) {
    public Sensitive {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(classification, "classification");
    }
}
