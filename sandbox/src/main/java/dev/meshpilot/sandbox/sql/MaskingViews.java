package dev.meshpilot.sandbox.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates, on one connection, the temp views that mask. Per readable table with masked columns, a temp
 * view of the same name that returns the constant {@value #MASK} for each masked column and reads the
 * table {@code NOT INDEXED} (an index on a masked column would otherwise hand rows out in that column's
 * order, which leaks it). Per view stored in {@code main}, a temp copy, so that its unqualified table
 * names resolve to the masking views rather than to the real tables. A stored view that cannot be copied
 * is left as it is: the program check still refuses whatever it reads that the caller may not see.
 */
final class MaskingViews {
    /** What a masked column reads as. A constant, so the program check can tell it from a real read. */
    static final String MASK = "[REDACTED]";

    private static final Pattern CREATE_VIEW = Pattern.compile("(?is)^\\s*CREATE\\s+VIEW\\s+(.*)$");

    private MaskingViews() {}

    static void create(Connection c, Schema schema, SqlPolicy policy) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Schema.Entry table : schema.tables()) {
                if (!table.isVirtual() && !policy.masked(table.name()).isEmpty() && policy.mayRead(table.name())) {
                    st.execute(maskingView(schema, table.name(), policy));
                }
            }
            for (Schema.Entry view : schema.views()) {
                Matcher m = CREATE_VIEW.matcher(view.sql() == null ? "" : view.sql());
                if (m.matches()) {
                    try {
                        st.execute("CREATE TEMP VIEW " + m.group(1));
                    } catch (SQLException uncopied) {
                        // left pointing at main; the program check refuses what it must
                    }
                }
            }
        }
    }

    private static String maskingView(Schema schema, String table, SqlPolicy policy) throws SQLException {
        List<String> select = new ArrayList<>();
        for (String column : schema.columns(table)) {
            boolean masked = policy.masked(table).contains(Schema.lower(column));
            select.add(masked ? "'" + MASK + "' AS " + quote(column) : quote(column));
        }
        return "CREATE TEMP VIEW " + quote(table) + " AS SELECT " + String.join(", ", select) + " FROM main."
                + quote(table) + " NOT INDEXED";
    }

    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
