package dev.meshpilot.sandbox.audit;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Applies the audit log's numbered PostgreSQL migrations not yet recorded in {@code audit_schema_migration},
 * in the connection's current schema, in one transaction under an advisory lock, so replicas starting
 * together apply each one once.
 */
final class PostgresMigrations {
    /** In order; a released migration is never edited, only followed by a new one. */
    static final List<String> ALL = List.of("V001__audit.sql");

    private PostgresMigrations() {}

    /** Applies what is missing and commits; {@code c} must not be in auto-commit mode. */
    static void apply(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT current_schema()")) {
                if (!rs.next() || rs.getString(1) == null) {
                    throw new MeshpilotException(
                            ErrorCode.STORE_FAILED,
                            "no schema to create the audit tables in: the schema the URL's currentSchema names "
                                    + "does not exist (CREATE SCHEMA it, or leave the parameter out)");
                }
            }
            st.execute("SELECT pg_advisory_xact_lock(hashtext('meshpilot.audit.migrate.' || current_schema()))");
            st.execute("CREATE TABLE IF NOT EXISTS audit_schema_migration ("
                    + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            int current;
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM audit_schema_migration")) {
                rs.next();
                current = rs.getInt(1);
            }
            for (int i = current; i < ALL.size(); i++) {
                st.execute(read(ALL.get(i)));
                try (PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO audit_schema_migration (version, name, applied_at) VALUES (?, ?, ?)")) {
                    ins.setInt(1, i + 1);
                    ins.setString(2, ALL.get(i));
                    ins.setString(3, Instant.now().toString());
                    ins.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static String read(String name) {
        try (InputStream in = PostgresMigrations.class.getResourceAsStream("migrations/postgresql/" + name)) {
            if (in == null) {
                throw new MeshpilotException(ErrorCode.STORE_FAILED, "audit migration missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot read audit migration " + name, e);
        }
    }
}
