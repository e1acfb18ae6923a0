package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.migration.Verification.Status;
import dev.meshpilot.mesh.migration.Verification.Step;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Runs the PostgreSQL plan on a PostgreSQL the user configured, in a scratch schema dropped afterwards: the old
 * shape with the same sample rows as the SQLite run, then expand, backfill, the views, the old consumers' reads
 * against the compatibility view (compared with the table before), and a rehearsal of the gated contract step.
 * The new contract's constraints and quality rules are checked on SQLite only. Every step is named
 * {@code postgresql: ...}; a failing step stops the ones that depend on it.
 */
public final class PostgresVerifier {
    /** The variable naming the JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/scratch}. */
    public static final String URL = "MESHPILOT_MIGRATION_POSTGRES_URL";

    public static final String USER = "MESHPILOT_MIGRATION_POSTGRES_USER";
    public static final String PASSWORD = "MESHPILOT_MIGRATION_POSTGRES_PASSWORD";
    static final String ENGINE = "PostgreSQL";

    /** Where to verify: a JDBC URL and credentials (never logged or reported). */
    public record Target(String url, String user, String password) {
        @Override
        public String toString() {
            return "Target[" + url + " as " + user + "]";
        }

        /** The target the environment configures, if {@link #URL} is set. */
        public static Optional<Target> from(Map<String, String> env) {
            String url = env.get(URL);
            if (url == null || url.isBlank()) {
                return Optional.empty();
            }
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException(
                        URL + " must be a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/scratch, got " + url);
            }
            return Optional.of(new Target(url, env.get(USER), env.get(PASSWORD)));
        }
    }

    private PostgresVerifier() {}

    public static List<Step> verify(
            Target target,
            Diff diff,
            JsonNode old,
            MigrationPlan plan,
            UnaryOperator<String> table,
            Map<String, ScratchVerifier.Sample> samples,
            List<ScratchVerifier.ConsumerRead> consumers,
            int rows) {
        if (plan.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("give the PostgreSQL plan");
        }
        List<Step> steps = new ArrayList<>();
        if (!diff.migrationNeeded()) {
            return steps;
        }
        Properties props = new Properties();
        if (target.user() != null) {
            props.setProperty("user", target.user());
        }
        if (target.password() != null) {
            props.setProperty("password", target.password());
        }
        // sample values are bound as text and PostgreSQL casts them to each column's type, as a load would
        props.setProperty("stringtype", "unspecified");
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "30");
        String schema = "meshpilot_verify_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection c = DriverManager.getConnection(target.url(), props)) {
            try {
                run(c, schema, old, plan, table, samples, consumers, rows, steps);
            } finally {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        } catch (SQLException e) {
            steps.add(new Step(
                    "postgresql: scratch schema", Status.FAIL, ENGINE + " at " + target.url() + ": " + e.getMessage()));
        }
        return steps;
    }

    private static void run(
            Connection c,
            String schema,
            JsonNode old,
            MigrationPlan plan,
            UnaryOperator<String> table,
            Map<String, ScratchVerifier.Sample> samples,
            List<ScratchVerifier.ConsumerRead> consumers,
            int rows,
            List<Step> steps)
            throws SQLException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            st.execute("SET search_path TO " + schema);
        }
        c.setAutoCommit(false);
        List<String> sources;
        try {
            sources = ScratchData.loadAll(c, old, table, samples, rows, Dialect.POSTGRESQL);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            steps.add(new Step("postgresql: old shape with sample rows", Status.FAIL, ENGINE + ": " + e.getMessage()));
            return;
        }
        steps.add(new Step(
                "postgresql: old shape with sample rows",
                Status.PASS,
                "schema " + schema + "; " + String.join("; ", sources)));
        if (!ScratchVerifier.run(c, ENGINE, "postgresql: expand", plan.expand(), steps)
                || !ScratchVerifier.run(c, ENGINE, "postgresql: backfill", plan.backfill(), steps)
                || !ScratchVerifier.run(c, ENGINE, "postgresql: compatibility views", plan.views(), steps)) {
            return;
        }
        // each read on its own: a failed statement must not abort the ones after it
        c.setAutoCommit(true);
        List<Step> reads = new ArrayList<>();
        OldReads.check(c, old, plan, table, consumers, reads);
        reads.forEach(s -> steps.add(new Step("postgresql: " + s.name(), s.status(), s.evidence())));
        c.setAutoCommit(false);
        ScratchVerifier.run(
                c,
                ENGINE,
                "postgresql: contract step (rehearsed; gated on " + plan.gatedUntil() + ")",
                plan.contract(),
                steps);
    }
}
