package dev.meshpilot.sandbox.sql;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one caller may read through {@link ReadOnlySql}: the tables it may read (every other table is
 * refused) and, per table, the columns masked for it (they read as {@code '[REDACTED]'}, and any other
 * way of reading them is refused). The tools module computes it from contracts and grants; this package
 * takes it as given. Names are plain SQL identifiers, compared without case; system tables
 * ({@code sqlite_*}) cannot be granted.
 *
 * <pre>{@code
 * SqlPolicy analyst = SqlPolicy.denyAll()
 *         .allow("orders__orders_daily")
 *         .allow("customers__customer_profile", "email", "phone", "birth_date");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param tables readable table name → masked column names (empty when nothing is masked), all lower case
 */
public record SqlPolicy(Map<String, Set<String>> tables) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public SqlPolicy {
        Objects.requireNonNull(tables, "tables");
        Map<String, Set<String>> copy = new TreeMap<>();
        tables.forEach((table, masked) -> {
            String key = name(table, "table");
            if (key.startsWith("sqlite_")) {
                throw new IllegalArgumentException("system table " + table + " cannot be granted");
            }
            Objects.requireNonNull(masked, () -> "masked columns of " + table);
            Set<String> columns = new TreeSet<>();
            masked.forEach(column -> columns.add(name(column, "column of " + table)));
            if (copy.put(key, Collections.unmodifiableSet(columns)) != null) {
                throw new IllegalArgumentException("table " + table + " is listed twice (names ignore case)");
            }
        });
        tables = Collections.unmodifiableMap(copy);
    }

    /** A policy that may read no table at all (queries without tables, such as {@code SELECT 1}, still run). */
    public static SqlPolicy denyAll() {
        return new SqlPolicy(Map.of());
    }

    /** This policy plus {@code table}, with {@code maskedColumns} masked; replaces an earlier entry. */
    public SqlPolicy allow(String table, String... maskedColumns) {
        Map<String, Set<String>> next = new TreeMap<>(tables);
        next.remove(name(table, "table"));
        next.put(table, Set.copyOf(Arrays.asList(maskedColumns)));
        return new SqlPolicy(next);
    }

    /** Whether {@code table} may be read at all. */
    public boolean mayRead(String table) {
        return tables.containsKey(table.toLowerCase(Locale.ROOT));
    }

    /** The masked columns of {@code table}, lower case; empty when none or when the table is not readable. */
    public Set<String> masked(String table) {
        return tables.getOrDefault(table.toLowerCase(Locale.ROOT), Set.of());
    }

    /**
     * The readable tables that exist in the warehouse ({@code schema}: a grant may name a product without a
     * table), sorted, as a comma-separated list for messages ({@code "none"} when empty).
     */
    String allowedList(Schema schema) {
        var names = tables.keySet().stream()
                .filter(t -> {
                    Schema.Entry e = schema.entry(t);
                    return e != null && (e.type().equals("table") || e.type().equals("view")) && !e.isVirtual();
                })
                .toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String name(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " name '" + name + "' is not a plain identifier (letters, digits and _, not first a digit)");
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
