package dev.meshpilot.sandbox.audit;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own in the PostgreSQL named by {@code MESHPILOT_TEST_POSTGRES_URL} (with {@code _USER} and
 * {@code _PASSWORD}); {@code .ci/run} starts one. Tests skip with one line without it.
 */
final class PostgresSchema implements AutoCloseable {
    private final PostgresTarget admin;
    private final String name;

    private PostgresSchema(PostgresTarget admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    /**
     * Creates the schema, or skips the calling test when there is no PostgreSQL to test against, saying why
     * once per test class on stderr (surefire drops a skipped class's reason).
     */
    static PostgresSchema create(String prefix) {
        String url = System.getenv("MESHPILOT_TEST_POSTGRES_URL");
        String skip = null;
        PostgresSchema s = null;
        if (url == null || url.isBlank()) {
            skip = "MESHPILOT_TEST_POSTGRES_URL is not set (no PostgreSQL): skipping " + prefix;
        } else {
            PostgresTarget admin = new PostgresTarget(
                    url,
                    System.getenv("MESHPILOT_TEST_POSTGRES_USER"),
                    System.getenv("MESHPILOT_TEST_POSTGRES_PASSWORD"));
            s = new PostgresSchema(
                    admin,
                    prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
            try {
                s.reset();
            } catch (Exception e) {
                skip = "PostgreSQL at " + admin + " is unreachable (" + e.getMessage() + "): skipping " + prefix;
            }
        }
        if (skip != null) {
            System.err.println(skip);
            Assumptions.abort(skip);
        }
        return s;
    }

    /** The schema, emptied. */
    void reset() throws Exception {
        run("DROP SCHEMA IF EXISTS " + name + " CASCADE", "CREATE SCHEMA " + name);
    }

    /** The target whose tables live in this schema. */
    PostgresTarget target() {
        String sep = admin.url().contains("?") ? "&" : "?";
        return new PostgresTarget(admin.url() + sep + "currentSchema=" + name, admin.user(), admin.password());
    }

    private void run(String... sql) throws Exception {
        try (Connection c = AuditEngine.Postgres.connect(admin);
                Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() throws Exception {
        run("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
}
