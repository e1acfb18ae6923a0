package dev.meshpilot.sandbox.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** One engine's audit log for the behaviour tests: opens it, and edits its table behind its back. */
interface AuditEngine {
    AuditLog open(Durability durability);

    default AuditLog open() {
        return open(Durability.FULL);
    }

    /** Runs {@code sql} on a plain connection, with {@code {t}} standing for the records' table. */
    void sql(String sql) throws Exception;

    /** The arguments that tell {@link AuditAppender} (a child JVM) which log to append to. */
    List<String> childArgs();

    /** The log in a SQLite file. */
    record Sqlite(Path file) implements AuditEngine {
        @Override
        public AuditLog open(Durability durability) {
            return AuditLog.open(file, durability);
        }

        @Override
        public void sql(String sql) throws Exception {
            try (Connection c = AuditLog.connect(file);
                    Statement st = c.createStatement()) {
                st.executeUpdate(sql.replace("{t}", "audit"));
            }
        }

        @Override
        public List<String> childArgs() {
            return List.of("sqlite", file.toString());
        }
    }

    /** The log in a PostgreSQL schema. */
    record Postgres(PostgresTarget target) implements AuditEngine {
        @Override
        public AuditLog open(Durability durability) {
            return AuditLog.open(target, durability);
        }

        @Override
        public void sql(String sql) throws Exception {
            try (Connection c = connect(target);
                    Statement st = c.createStatement()) {
                st.executeUpdate(sql.replace("{t}", "audit_entry"));
            }
        }

        @Override
        public List<String> childArgs() {
            return List.of("postgres", target.url());
        }

        static Connection connect(PostgresTarget target) throws Exception {
            Properties p = new Properties();
            p.setProperty("user", target.user());
            p.setProperty("password", target.password());
            return DriverManager.getConnection(target.url(), p);
        }
    }
}
