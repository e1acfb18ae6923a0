package dev.meshpilot.mesh.migration;

import static dev.meshpilot.mesh.migration.SqlTypes.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Creates an object's old table on the scratch database and fills it with sample rows. */
final class ScratchData {
    private ScratchData() {}

    /**
     * Creates every object's old table with its sample rows and a copy {@code <table>__before} to compare the
     * migrated shape with; returns where each object's rows came from.
     */
    static List<String> loadAll(
            Connection c,
            JsonNode old,
            java.util.function.UnaryOperator<String> table,
            java.util.Map<String, ScratchVerifier.Sample> samples,
            int rows,
            Dialect dialect)
            throws SQLException {
        List<String> sources = new ArrayList<>();
        for (JsonNode o : old.path("schema")) {
            String object = Docs.name(o);
            String t = table.apply(object);
            List<Prop> props = Prop.all(old).stream()
                    .filter(p -> p.object().equals(object) && !p.name().contains("."))
                    .toList();
            sources.add(load(c, old, object, t, props, samples.get(object), rows, dialect));
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE " + quote(t + "__before") + " AS SELECT * FROM " + quote(t));
            }
        }
        return sources;
    }

    /** Loads the rows and says where they came from. */
    static String load(
            Connection c,
            JsonNode old,
            String object,
            String t,
            List<Prop> props,
            ScratchVerifier.Sample sample,
            int rows,
            Dialect dialect)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(PlanWriter.createOld(old, object, t, dialect));
        }
        List<List<Object>> data;
        String source;
        if (sample != null && !sample.rows().isEmpty()) {
            TreeSet<String> masked = new TreeSet<>();
            TreeSet<String> missing = new TreeSet<>();
            data = fromWarehouse(props, sample, masked, missing);
            source = object + ": " + data.size() + " rows " + sample.source()
                    + (masked.isEmpty()
                            ? ""
                            : "; masked columns " + String.join(", ", masked)
                                    + " filled with values generated from the contract")
                    + (missing.isEmpty()
                            ? ""
                            : "; columns not in the warehouse generated: " + String.join(", ", missing));
        } else {
            data = SampleRows.generate(props, rows, 17);
            source = object + ": " + rows + " rows generated from the contract's types and examples";
        }
        String cols = props.stream().map(p -> quote(p.column())).collect(Collectors.joining(", "));
        String marks = props.stream().map(p -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO " + quote(t) + " (" + cols + ") VALUES (" + marks + ")")) {
            for (List<Object> row : data) {
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    if (dialect == Dialect.POSTGRESQL) {
                        // as text, which PostgreSQL casts to the column's type (SQLite's 1/0 booleans included)
                        ps.setString(i + 1, v == null ? null : String.valueOf(v));
                    } else {
                        ps.setObject(i + 1, v);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return source;
    }

    private static List<List<Object>> fromWarehouse(
            List<Prop> props, ScratchVerifier.Sample sample, TreeSet<String> masked, TreeSet<String> missing) {
        Random random = new Random(17);
        List<List<Object>> out = new ArrayList<>();
        int n = 0;
        for (List<Object> src : sample.rows()) {
            List<Object> row = new ArrayList<>();
            for (Prop p : props) {
                int at = sample.columns().indexOf(p.column());
                Object v = at < 0 ? null : src.get(at);
                if (at < 0) {
                    missing.add(p.column());
                    v = SampleRows.value(p, n, random);
                } else if (ScratchVerifier.MASK.equals(v)) {
                    masked.add(p.column());
                    v = SampleRows.value(p, n, random);
                }
                row.add(v);
            }
            out.add(row);
            n++;
        }
        return out;
    }
}
