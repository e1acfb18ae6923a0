package dev.meshpilot.sandbox.sql;

import java.util.List;
import java.util.Set;

/**
 * A b-tree of the main schema as the VDBE sees it: a table or an index, the table it belongs to, what each
 * record field holds in storage order ({@link #ROWID}, {@link #EXPRESSION} or a lower-case column name),
 * and what orders it: the key columns of an index or {@code WITHOUT ROWID} table ({@link #EXPRESSION} too
 * when a partial index's {@code WHERE} decides which rows it holds), or {@link #ROWID} for a rowid table,
 * whose rowid is aliased by {@code rowidAlias} when it has an {@code INTEGER PRIMARY KEY}.
 */
record StoredObject(String name, String table, List<String> fields, List<String> key, String rowidAlias) {
    static final String ROWID = "<rowid>";
    static final String EXPRESSION = "<expression>";

    StoredObject {
        fields = List.copyOf(fields);
        key = List.copyOf(key);
    }

    /** This layout under another name (a {@code WITHOUT ROWID} table is laid out as its primary key index). */
    StoredObject withName(String newName) {
        return new StoredObject(newName, table, fields, key, rowidAlias);
    }

    /** Whether the field {@code f} (a column, the rowid or an expression) reveals a column in {@code masked}. */
    boolean reveals(String f, Set<String> masked) {
        if (f.equals(ROWID)) {
            return rowidAlias != null && masked.contains(rowidAlias);
        }
        if (f.equals(EXPRESSION)) {
            return !masked.isEmpty();
        }
        return masked.contains(f);
    }
}
