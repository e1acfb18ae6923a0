package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.migration.Verification.Status;
import dev.meshpilot.mesh.migration.Verification.Step;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Runs a SQLite migration plan on a scratch in-memory database before anyone sees it: the old shape with sample
 * rows (the warehouse's, masked cells filled with generated values, or generated from the contract), then
 * expand, backfill, the views, the new contract's constraints and quality rules on the new shape, the old
 * consumers' reads against the compatibility view (compared with the rows before), and a rehearsal of the gated
 * contract step. Each step passes or fails with its evidence; a failing step stops the ones that depend on it.
 * Thread-safe: each call has its own database.
 */
public final class ScratchVerifier {
    /** Rows generated when no warehouse sample is given. */
    public static final int DEFAULT_ROWS = 200;

    static final String MASK = "[REDACTED]";

    /** Rows read from the warehouse for an object (masked cells read {@value #MASK}), and how they were read. */
    public record Sample(List<String> columns, List<List<Object>> rows, String source) {
        public Sample {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** A consumer product and the old columns of the contract it reads. */
    public record ConsumerRead(String consumer, List<String> columns, List<Derivation> derivations) {
        public ConsumerRead {
            columns = List.copyOf(columns);
            derivations = derivations == null ? List.of() : List.copyOf(derivations);
        }

        public ConsumerRead(String consumer, List<String> columns) {
            this(consumer, columns, List.of());
        }
    }

    /**
     * How a consumer's column is computed from the contract's columns, as its own contract declares it
     * ({@code transformLogic}, e.g. {@code customer_profile.phone IS NOT NULL}); run as an expression over the
     * compatibility view aliased as {@code object}.
     */
    public record Derivation(String column, String object, String expression) {}

    private ScratchVerifier() {}

    public static Verification verify(
            Diff diff,
            JsonNode old,
            JsonNode neu,
            MigrationPlan plan,
            UnaryOperator<String> table,
            Map<String, Sample> samples,
            List<ConsumerRead> consumers,
            int rows) {
        if (plan.dialect() != Dialect.SQLITE) {
            throw new IllegalArgumentException("the scratch database is SQLite; give the SQLite plan");
        }
        List<Step> steps = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        if (!diff.migrationNeeded()) {
            steps.add(new Step("migration", Status.SKIPPED, "no migration needed: no change touches the stored shape"));
            return new Verification(steps, "none", List.of());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            org.sqlite.Function.create(c, "REGEXP", new Regexp());
            c.setAutoCommit(false);
            sources.addAll(ScratchData.loadAll(c, old, table, samples, rows, Dialect.SQLITE));
            c.commit();
            steps.add(new Step("old shape with sample rows", Status.PASS, String.join("; ", sources)));
            if (!run(c, "expand", plan.expand(), steps) || !run(c, "backfill", plan.backfill(), steps)) {
                return done(steps, sources);
            }
            Backfills.check(c, diff, old, neu, table, steps);
            if (!run(c, "compatibility views", plan.views(), steps)) {
                return done(steps, sources);
            }
            NewShape.check(c, diff, old, neu, table, steps);
            OldReads.check(c, old, plan, table, consumers, steps);
            if (run(c, "contract step (rehearsed; gated on " + plan.gatedUntil() + ")", plan.contract(), steps)) {
                NewShape.afterContract(c, neu, table, steps);
            }
        } catch (SQLException e) {
            steps.add(new Step("scratch database", Status.FAIL, "SQLite: " + e.getMessage()));
        }
        return done(steps, sources);
    }

    private static Verification done(List<Step> steps, List<String> sources) {
        return new Verification(
                steps,
                String.join("; ", sources),
                List.of("postgresql: not run (no PostgreSQL is configured); its plan was written, not executed"));
    }

    /** Runs statements as one transaction: pass with their count, or fail with SQLite's message, rolled back. */
    static boolean run(Connection c, String name, List<String> sql, List<Step> steps) {
        return run(c, "SQLite", name, sql, steps);
    }

    /** As {@link #run(Connection, String, List, List)}, naming {@code engine} in a failure. */
    static boolean run(Connection c, String engine, String name, List<String> sql, List<Step> steps) {
        if (sql.isEmpty()) {
            steps.add(new Step(name, Status.SKIPPED, "no statements"));
            return true;
        }
        String current = null;
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                current = s;
                st.execute(s);
            }
            c.commit();
            steps.add(new Step(name, Status.PASS, sql.size() + " statements ran"));
            return true;
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the failure below is what matters
            }
            steps.add(new Step(name, Status.FAIL, engine + " refused `" + current + "`: " + e.getMessage()));
            return false;
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                var rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** {@code x REGEXP y}: whether text {@code x} matches pattern {@code y} (found, as SQL's REGEXP is). */
    private static final class Regexp extends org.sqlite.Function {
        private final Map<String, Pattern> cache = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        protected void xFunc() throws SQLException {
            String pattern = value_text(0);
            String text = value_text(1);
            if (pattern == null || text == null) {
                result();
                return;
            }
            result(
                    cache.computeIfAbsent(pattern, Pattern::compile)
                                    .matcher(text)
                                    .find()
                            ? 1
                            : 0);
        }
    }
}
