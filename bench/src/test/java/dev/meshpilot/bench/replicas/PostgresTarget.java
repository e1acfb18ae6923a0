package dev.meshpilot.bench.replicas;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL the test environment names ({@code MESHPILOT_TEST_POSTGRES_URL}, {@code _USER},
 * {@code _PASSWORD}, set by {@code .ci/run}), with a fresh schema of its own that {@link #drop()} removes.
 */
record PostgresTarget(String baseUrl, String user, String password, String schema) {

    /** Why no PostgreSQL can be used, or null when one can. */
    static String unavailable() {
        String url = System.getenv("MESHPILOT_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return "MESHPILOT_TEST_POSTGRES_URL is not set: skipping";
        }
        try (Connection c = DriverManager.getConnection(
                url,
                System.getenv("MESHPILOT_TEST_POSTGRES_USER"),
                System.getenv("MESHPILOT_TEST_POSTGRES_PASSWORD"))) {
            return c.isValid(5) ? null : "PostgreSQL at " + url + " does not answer: skipping";
        } catch (SQLException e) {
            return "PostgreSQL at " + url + " is not reachable (" + e.getMessage() + "): skipping";
        }
    }

    /** A fresh schema in the environment's database. */
    static PostgresTarget create() throws SQLException {
        PostgresTarget t = new PostgresTarget(
                System.getenv("MESHPILOT_TEST_POSTGRES_URL"),
                System.getenv("MESHPILOT_TEST_POSTGRES_USER"),
                System.getenv("MESHPILOT_TEST_POSTGRES_PASSWORD"),
                "replicas_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try (Connection c = t.connect()) {
            c.createStatement().execute("CREATE SCHEMA " + t.schema);
        }
        return t;
    }

    /** The store URL the replicas use: the schema picked with {@code currentSchema}. */
    String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The environment a Meshpilot process needs to use this store (and its audit log). */
    Map<String, String> environment() {
        return Map.of("MESHPILOT_STORE_URL", url(), "MESHPILOT_STORE_USER", user, "MESHPILOT_STORE_PASSWORD", password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl, user, password)) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
