package dev.meshpilot.sandbox.tool;

import java.util.Objects;

/**
 * A column of a tabular tool result: its name, the product (and domain) its values come from, and their
 * classification as in that product's contract ({@code pii}, {@code restricted}, {@code public}, ... or
 * null when unclassified). The gate redacts the values of protected columns (see
 * {@link Sensitive#isProtected(String)}) for principals without {@code pii:read} on the product. Immutable.
 *
 * <pre>{@code
 * Column email = new Column("email", "customers", "customers.profile", "pii");
 * }</pre>
 */
public record Column(String name, String domain, String product, String classification) {
    public Column {
        Objects.requireNonNull(name, "name");
        if (product != null && domain == null) {
            throw new IllegalArgumentException("column " + name + " of product " + product + " needs its domain");
        }
    }

    /** A column that holds no classified data. */
    public static Column plain(String name) {
        return new Column(name, null, null, null);
    }

    /** The redaction mark for the values of this column in the rows at {@code rowsPointer}, at {@code index}. */
    Sensitive at(String rowsPointer, int index) {
        return new Sensitive(rowsPointer + "/*/" + index, domain, product, classification);
    }
}
