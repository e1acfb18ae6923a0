package dev.meshpilot.sandbox.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main schema of one connection, read from {@code sqlite_schema}: its tables, views and indexes by
 * name and by root page, and, on demand, the storage layout of a table or index. Not thread-safe: it
 * belongs to one call's connection.
 */
final class Schema {
    /** One row of {@code sqlite_schema}; names lower case, {@code sql} as stored. */
    record Entry(String type, String name, String table, int rootpage, String sql) {
        boolean isVirtual() {
            return type.equals("table") && sql != null && sql.regionMatches(true, 0, "CREATE VIRTUAL", 0, 14);
        }
    }

    /** The schema tables, which {@code sqlite_schema} does not list. */
    static final List<String> SYSTEM_TABLES =
            List.of("sqlite_schema", "sqlite_master", "sqlite_temp_schema", "sqlite_temp_master");

    private final Connection connection;
    private final Map<String, Entry> byName = new HashMap<>();
    private final Map<Integer, Entry> byRoot = new HashMap<>();
    private final Map<Integer, StoredObject> layouts = new HashMap<>();

    private Schema(Connection connection) {
        this.connection = connection;
    }

    static Schema read(Connection connection) throws SQLException {
        Schema schema = new Schema(connection);
        String sql = "SELECT type, name, tbl_name, rootpage, sql FROM main.sqlite_schema";
        try (PreparedStatement st = connection.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Entry e = new Entry(
                        rs.getString(1), lower(rs.getString(2)), lower(rs.getString(3)), rs.getInt(4), rs.getString(5));
                schema.byName.put(e.name(), e);
                if (e.rootpage() > 0) {
                    schema.byRoot.put(e.rootpage(), e);
                }
            }
        }
        schema.byRoot.put(1, new Entry("table", "sqlite_schema", "sqlite_schema", 1, null));
        return schema;
    }

    /** The table, view or index named {@code name} (any case), or null. */
    Entry entry(String name) {
        return byName.get(lower(name));
    }

    /** The tables (not views or indexes) of the main schema, virtual ones included. */
    List<Entry> tables() {
        return byName.values().stream().filter(e -> e.type().equals("table")).toList();
    }

    List<Entry> views() {
        return byName.values().stream().filter(e -> e.type().equals("view")).toList();
    }

    /** The b-tree at {@code rootpage}, or null when no table or index of the main schema has it. */
    Entry atRoot(int rootpage) {
        return byRoot.get(rootpage);
    }

    /** The storage layout of the b-tree at {@code rootpage}, which {@link #atRoot} knows. */
    StoredObject layout(int rootpage) throws SQLException {
        StoredObject known = layouts.get(rootpage);
        if (known == null) {
            known = Layouts.of(connection, byRoot.get(rootpage));
            layouts.put(rootpage, known);
        }
        return known;
    }

    /** The visible columns of table {@code name} in declaration order, as declared (not lower-cased). */
    List<String> columns(String name) throws SQLException {
        List<String> columns = new ArrayList<>();
        String sql = "SELECT name FROM pragma_table_xinfo(?, 'main') WHERE hidden <> 1 ORDER BY cid";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
