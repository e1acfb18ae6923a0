package dev.meshpilot.sandbox.tool;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Marks output values that carry classified data: every value at {@code path} (a JSON pointer where
 * {@literal *} matches any array index or field, e.g. {@code /rows/}{@literal *}{@code /email}) comes from
 * {@code product} (in {@code domain}) and is classified {@code classification}, as in the product's ODCS
 * contract. The gate replaces such values with {@code [REDACTED:<classification>]} unless the principal
 * holds {@code pii:read} on that product. Deny by default: every classification but {@code public} and
 * {@code internal} is protected. {@code product} null means the value may come from anywhere, so only a
 * mesh-wide {@code pii:read} reveals it. Immutable.
 *
 * <pre>{@code
 * new Sensitive("/owner/email", "customers", "customers.profile", "pii")
 * }</pre>
 */
public record Sensitive(String path, String domain, String product, String classification) {
    /** Classifications that are not redacted. */
    public static final Set<String> OPEN = Set.of("public", "internal");

    public Sensitive {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(classification, "classification");
        classification = classification.toLowerCase(Locale.ROOT);
        if (product != null && domain == null) {
            throw new IllegalArgumentException("sensitive values of product " + product + " need its domain");
        }
    }

    /** Whether values of this classification are redacted for principals without {@code pii:read}. */
    public boolean isProtected() {
        return isProtected(classification);
    }

    /** Whether {@code classification} is redacted (anything but null, {@code public} or {@code internal}). */
    public static boolean isProtected(String classification) {
        return classification != null && !OPEN.contains(classification.toLowerCase(Locale.ROOT));
    }
}
