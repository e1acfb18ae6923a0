package dev.meshpilot.mesh.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A PostgreSQL for store tests, named by {@code MESHPILOT_TEST_POSTGRES_URL} (with {@code _USER} and
 * {@code _PASSWORD}; {@code .ci/run} starts one). Each {@link #freshSchema()} is a new schema of its own, so tests
 * never see each other's rows; {@link #drop(String)} removes it. Without the variables, or when the server does
 * not answer, the calling test is skipped with one line.
 */
public final class TestPostgres {
    static final String URL = System.getenv("MESHPILOT_TEST_POSTGRES_URL");
    static final String USER = System.getenv("MESHPILOT_TEST_POSTGRES_USER");
    static final String PASSWORD = System.getenv("MESHPILOT_TEST_POSTGRES_PASSWORD");
    private static Boolean reachable;

    private TestPostgres() {}

    /** Skips the calling test unless a PostgreSQL is configured and answers. */
    public static void assumeAvailable() {
        assumeTrue(URL != null && !URL.isBlank(), "MESHPILOT_TEST_POSTGRES_URL is not set (no PostgreSQL): skipping");
        if (reachable == null) {
            try (Connection c = connect()) {
                reachable = c.isValid(5);
            } catch (SQLException e) {
                reachable = false;
            }
        }
        assumeTrue(reachable, "the PostgreSQL at " + URL + " does not answer: skipping");
    }

    /** Creates a new empty schema and returns its name. */
    public static String freshSchema() {
        assumeAvailable();
        String schema = "mp_test_"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
                        .toLowerCase(Locale.ROOT);
        run("CREATE SCHEMA " + schema);
        return schema;
    }

    /** The store location of {@code schema}; {@code home} holds what stays local. */
    public static StoreLocation location(String schema, Path home) {
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new StoreLocation(home.resolve("meshpilot.db"), url, USER, PASSWORD);
    }

    public static void drop(String schema) {
        if (schema != null) {
            run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void run(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }
}
