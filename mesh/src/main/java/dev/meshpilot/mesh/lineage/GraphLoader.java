package dev.meshpilot.mesh.lineage;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.Dialect;
import dev.meshpilot.mesh.store.MeshStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads products, ports, job-level lineage and column lineage from the store into a sealed
 * {@link GraphState}, in one read snapshot so the four tables agree. Rows stream through plain JDBC: a
 * million edges are never held as objects.
 */
final class GraphLoader {
    private GraphLoader() {}

    static GraphState load(MeshStore store) {
        return store.withHandle(h -> {
            // A deferred read transaction: one WAL snapshot for all four tables, without taking the write lock
            // (the store's own transactions begin IMMEDIATE, which would stall ingest for the whole read). On
            // PostgreSQL a repeatable-read transaction gives the one snapshot.
            try (Statement begin = h.getConnection().createStatement()) {
                begin.execute(
                        store.dialect() == Dialect.POSTGRESQL
                                ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                                : "BEGIN DEFERRED");
                try {
                    return read(h.getConnection());
                } finally {
                    begin.execute("COMMIT");
                }
            } catch (SQLException e) {
                throw new MeshpilotException(
                        ErrorCode.STORE_FAILED, "cannot read lineage from " + store.file() + ": " + e.getMessage(), e);
            }
        });
    }

    private static GraphState read(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            List<String> products = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM product")) {
                while (rs.next()) {
                    products.add(rs.getString(1));
                }
            }
            Collections.sort(products);
            GraphState g = new GraphState(products, count(s, "dataset"), count(s, "job"));
            try (ResultSet rs = s.executeQuery("SELECT namespace, name, product_id FROM product_port")) {
                while (rs.next()) {
                    g.port(rs.getString(1), rs.getString(2), rs.getString(3));
                }
            }
            edges(s, g);
            columns(s, g);
            g.seal();
            return g;
        }
    }

    /**
     * Job-level edges, ordered as SQLite reads them anyway (its covering index {@code lineage_edge_by_job}, so no
     * sort there), so both engines build the graph in the same order; a dataset is looked up again only when it
     * changes from one row to the next.
     */
    private static void edges(Statement s, GraphState g) throws SQLException {
        String sql = "SELECT dataset_namespace, dataset_name, direction, job_namespace, job_name FROM lineage_edge "
                + "ORDER BY job_namespace, job_name, direction, dataset_namespace, dataset_name";
        try (ResultSet rs = s.executeQuery(sql)) {
            String lastNs = null;
            String lastName = null;
            int dataset = -1;
            while (rs.next()) {
                String ns = rs.getString(1);
                String name = rs.getString(2);
                if (!name.equals(lastName) || !ns.equals(lastNs)) {
                    dataset = g.dataset(ns, name);
                    lastNs = ns;
                    lastName = name;
                }
                g.jobEdge(g.job(rs.getString(4), rs.getString(5)), dataset, "in".equals(rs.getString(3)));
            }
        }
    }

    private static void columns(Statement s, GraphState g) throws SQLException {
        String sql = "SELECT out_namespace, out_name, out_field, in_namespace, in_name, in_field, transformation "
                + "FROM column_lineage ORDER BY out_namespace, out_name, out_field, in_namespace, in_name, in_field"; // key order
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                int out = g.dataset(rs.getString(1), rs.getString(2));
                int in = g.dataset(rs.getString(4), rs.getString(5));
                g.columnEdge(out, rs.getString(3), in, rs.getString(6), rs.getString(7));
            }
        }
    }

    private static int count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
