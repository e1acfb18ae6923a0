package dev.meshpilot.sandbox.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the storage layout of a table or index through SQLite's pragma functions. Record fields follow
 * SQLite's storage order: a rowid table stores its non-virtual columns in declaration order and computes
 * virtual generated columns (numbered after them); a {@code WITHOUT ROWID} table is stored as its primary
 * key index (key columns first); an index stores its key columns, then the rowid or primary key. A partial
 * index counts as ordered by an expression, since its {@code WHERE} decides which rows it holds.
 */
final class Layouts {
    private Layouts() {}

    static StoredObject of(Connection c, Schema.Entry entry) throws SQLException {
        if (entry.type().equals("index")) {
            boolean partial = partial(c, entry.table(), entry.name());
            return index(c, entry.name(), entry.table(), rowidAlias(c, entry.table()), partial);
        }
        if (withoutRowid(c, entry.name())) {
            String pk = single(c, "SELECT name FROM pragma_index_list(?, 'main') WHERE origin = 'pk'", entry.name());
            return index(c, pk, entry.name(), null, false).withName(entry.name());
        }
        List<String> stored = new ArrayList<>();
        List<String> computed = new ArrayList<>();
        String sql = "SELECT name, hidden FROM pragma_table_xinfo(?, 'main') ORDER BY cid";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, entry.name());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    (rs.getInt(2) == 2 ? computed : stored).add(Schema.lower(rs.getString(1)));
                }
            }
        }
        stored.addAll(computed);
        return new StoredObject(
                entry.name(), entry.name(), stored, List.of(StoredObject.ROWID), rowidAlias(c, entry.name()));
    }

    private static StoredObject index(Connection c, String index, String table, String rowidAlias, boolean partial)
            throws SQLException {
        List<String> fields = new ArrayList<>();
        int keys = 0;
        String sql = "SELECT cid, name, key FROM pragma_index_xinfo(?, 'main') ORDER BY seqno";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, index);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int cid = rs.getInt(1);
                    fields.add(
                            cid == -1
                                    ? StoredObject.ROWID
                                    : cid < 0 ? StoredObject.EXPRESSION : Schema.lower(rs.getString(2)));
                    keys += rs.getInt(3);
                }
            }
        }
        if (fields.isEmpty()) {
            throw new SQLException("no layout for index " + index);
        }
        List<String> key = new ArrayList<>(fields.subList(0, keys));
        if (partial) {
            key.add(StoredObject.EXPRESSION);
        }
        return new StoredObject(index, table, fields, key, rowidAlias);
    }

    private static boolean partial(Connection c, String table, String index) throws SQLException {
        String sql = "SELECT partial FROM pragma_index_list(?, 'main') WHERE name = ?";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, table);
            st.setString(2, index);
            try (ResultSet rs = st.executeQuery()) {
                return !rs.next() || rs.getInt(1) != 0;
            }
        }
    }

    /** The {@code INTEGER PRIMARY KEY} column of a rowid table, lower case, or null. */
    private static String rowidAlias(Connection c, String table) throws SQLException {
        if (withoutRowid(c, table)) {
            return null;
        }
        String sql = "SELECT name, type FROM pragma_table_xinfo(?, 'main') WHERE pk > 0";
        List<String> names = new ArrayList<>();
        String type = "";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(Schema.lower(rs.getString(1)));
                    type = rs.getString(2);
                }
            }
        }
        return names.size() == 1 && "INTEGER".equalsIgnoreCase(type) ? names.get(0) : null;
    }

    private static boolean withoutRowid(Connection c, String table) throws SQLException {
        return "1".equals(single(c, "SELECT wr FROM pragma_table_list(?) WHERE schema = 'main'", table));
    }

    private static String single(Connection c, String sql, String argument) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, argument);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
