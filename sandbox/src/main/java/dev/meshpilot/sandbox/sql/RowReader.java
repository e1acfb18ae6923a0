package dev.meshpilot.sandbox.sql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Copies a result set into plain values, stopping at the row cap or the result-size cap. */
final class RowReader {
    /** The copied result; {@code cut} says which cap stopped it, empty when none did. */
    record Rows(List<String> columns, List<List<Object>> rows, String cut) {}

    private RowReader() {}

    static Rows read(ResultSet rs, SqlLimits limits) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        long chars = 0;
        while (rs.next()) {
            if (rows.size() == limits.maxRows()) {
                return new Rows(
                        columns,
                        rows,
                        "the result has more than " + limits.maxRows() + " rows; only the first " + limits.maxRows()
                                + " are returned (add LIMIT or aggregate)");
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                Object value = value(rs.getObject(i));
                chars += value == null ? 4 : value.toString().length();
                row.add(value);
            }
            if (chars > limits.maxResultChars()) {
                return new Rows(
                        columns,
                        rows,
                        "the result passed " + limits.maxResultChars() + " characters after " + rows.size()
                                + " rows; only those rows are returned (select fewer or shorter columns)");
            }
            rows.add(row);
        }
        return new Rows(columns, rows, "");
    }

    private static Object value(Object raw) {
        return switch (raw) {
            case null -> null;
            case Integer i -> i.longValue();
            case Long l -> l;
            case Float f -> f.doubleValue();
            case Double d -> d;
            case byte[] blob -> "[blob " + blob.length + " bytes]";
            default -> raw.toString();
        };
    }
}
