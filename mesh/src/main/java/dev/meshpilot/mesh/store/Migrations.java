package dev.meshpilot.mesh.store;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Applies the numbered SQL migrations that are not yet recorded in {@code schema_migration}. Each engine has its
 * own files, numbered the same ({@code migrations/V00N__*.sql} for SQLite, {@code migrations/postgresql/...} for
 * PostgreSQL): one version means one schema on both. On PostgreSQL all pending migrations run in one transaction
 * under an advisory lock of the schema, so processes starting together apply each one once.
 */
final class Migrations {
    /** In order; a released migration is never edited, only followed by a new one. */
    static final List<String> ALL = List.of(
            "V001__workspace.sql",
            "V002__lineage.sql",
            "V003__alerts.sql",
            "V004__anomaly_rules.sql",
            "V005__runs.sql",
            "V006__anomaly_acknowledged.sql",
            "V007__schema_history.sql",
            "V008__principal_chat.sql",
            "V009__warn_checks_setting.sql",
            "V010__run_event_order.sql");

    private Migrations() {}

    static void apply(Handle handle, Dialect dialect) {
        if (dialect == Dialect.POSTGRESQL) {
            handle.useTransaction(h -> {
                h.execute("SELECT pg_advisory_xact_lock(hashtext('meshpilot.schema:' || current_schema()))");
                applyPending(h, dialect);
            });
        } else {
            applyPending(handle, dialect);
        }
    }

    private static void applyPending(Handle handle, Dialect dialect) {
        handle.execute("CREATE TABLE IF NOT EXISTS schema_migration ("
                + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        int current = handle.createQuery("SELECT coalesce(max(version), 0) FROM schema_migration")
                .mapTo(int.class)
                .one();
        for (int i = current; i < ALL.size(); i++) {
            String name = ALL.get(i);
            String sql = read(dialect == Dialect.POSTGRESQL ? "postgresql/" + name : name);
            int version = i + 1;
            handle.useTransaction(h -> {
                if (dialect == Dialect.POSTGRESQL) {
                    script(h, name, sql); // pgjdbc runs a multi-statement script itself, dollar-quoted bodies included
                } else {
                    h.createScript(sql).execute();
                }
                h.execute(
                        "INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)",
                        version,
                        name,
                        Instant.now().toString());
            });
        }
    }

    private static void script(Handle h, String name, String sql) {
        try (Statement s = h.getConnection().createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED, "PostgreSQL migration " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new MeshpilotException(ErrorCode.STORE_FAILED, "migration missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot read migration " + name, e);
        }
    }
}
