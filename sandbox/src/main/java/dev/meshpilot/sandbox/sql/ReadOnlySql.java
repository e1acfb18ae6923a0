package dev.meshpilot.sandbox.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one read-only query against a warehouse SQLite file for a caller described by a {@link SqlPolicy}.
 * In order, each step refusing with a reason and nothing run: the text checks (size, characters, one
 * {@code SELECT}/{@code WITH}/{@code VALUES} statement, no writes, {@code PRAGMA}, {@code ATTACH},
 * {@code load_extension} or schema-qualified names); on a fresh read-only connection, the masking temp
 * views and {@code query_only}; the names against the schema; the compiled program ({@code EXPLAIN})
 * against the policy. Then the query runs under the deadline and the caps of {@link SqlLimits}.
 *
 * <pre>{@code
 * ReadOnlySql sql = ReadOnlySql.open(home.resolve("warehouse.db"), SqlLimits.defaults());
 * SqlResult r = sql.execute(policy, "SELECT country_code, count(*) FROM customers__customer_profile GROUP BY 1");
 * if (r.ran()) { ... r.columns(), r.rows() ... } else { ... r.status(), r.reason() ... }
 * }</pre>
 *
 * <p>{@link #execute} never throws for anything the query does: refusals, SQLite errors and timeouts are
 * results. Thread-safe: every call opens its own connection, so calls run in parallel. The file is never
 * written.
 */
public final class ReadOnlySql {
    private static final Pattern NO_SUCH_TABLE = Pattern.compile("no such table: (?:\\w+\\.)?(\\S+?)\\)?$");

    private final Path warehouse;
    private final SqlLimits limits;
    private final LongAdder executions = new LongAdder();

    private ReadOnlySql(Path warehouse, SqlLimits limits) {
        this.warehouse = warehouse;
        this.limits = limits;
    }

    /**
     * An executor over the SQLite file {@code warehouse}. The file is opened per call, read-only, so it may
     * appear or be replaced later (a load publishes a new one); a call while it is missing is an
     * {@link SqlStatus#ERROR} result that says so, and never creates it.
     */
    public static ReadOnlySql open(Path warehouse, SqlLimits limits) {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(limits, "limits");
        return new ReadOnlySql(warehouse, limits);
    }

    /** Checks and runs {@code query} for {@code policy}; see the class comment for the steps. */
    public SqlResult execute(SqlPolicy policy, String query) {
        Objects.requireNonNull(policy, "policy");
        long start = System.nanoTime();
        String sql = query == null ? "" : query;
        String shown = sql.length() <= limits.maxSqlChars()
                ? sql
                : sql.substring(0, limits.maxSqlChars()) + "... [" + (sql.length() - limits.maxSqlChars())
                        + " more characters]";
        try {
            CheckedSql checked = SqlText.check(sql, limits.maxSqlChars());
            return run(policy, checked, shown, start);
        } catch (Denied denied) {
            return SqlResult.denied(denied, shown, since(start));
        }
    }

    private SqlResult run(SqlPolicy policy, CheckedSql checked, String shown, long start) {
        if (!Files.isRegularFile(warehouse)) {
            return SqlResult.failed(
                    SqlStatus.ERROR,
                    "there is no warehouse: " + warehouse + " does not exist; load a workspace with warehouse/*.sql "
                            + "scripts (meshpilot load) to create it",
                    shown,
                    since(start));
        }
        Session session = null;
        Schema schema = null;
        try {
            session = Session.open(warehouse, limits, start + limits.timeout().toNanos());
            schema = session.mask(policy);
            TableNames.check(checked, schema, policy);
            ProgramCheck.check(session.explain(checked.statement()), schema, policy, checked.jsonTableCalls());
            executions.increment();
            RowReader.Rows rows = session.run(checked.statement(), limits);
            SqlStatus status = rows.cut().isEmpty() ? SqlStatus.OK : SqlStatus.TRUNCATED;
            return new SqlResult(status, rows.columns(), rows.rows(), rows.cut(), shown, since(start), null);
        } catch (SQLException e) {
            if (session != null && session.expired()) {
                return SqlResult.failed(
                        SqlStatus.TIMEOUT,
                        "the query was stopped after the " + limits.timeout().toMillis()
                                + " ms time limit; narrow it (WHERE, LIMIT) or aggregate less",
                        shown,
                        since(start));
            }
            Matcher table = NO_SUCH_TABLE.matcher(String.valueOf(e.getMessage()));
            if (table.find() && !policy.mayRead(table.group(1)) && schema != null) {
                Denied denied =
                        new Denied(SqlDenial.TABLE_NOT_ALLOWED, TableNames.notAllowed(table.group(1), policy, schema));
                return SqlResult.denied(denied, shown, since(start));
            }
            String reason = session == null
                    ? "cannot open the warehouse " + warehouse + " read-only: " + e.getMessage()
                    : message(e);
            return SqlResult.failed(SqlStatus.ERROR, reason, shown, since(start));
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    /** The warehouse file this executor reads. */
    public Path warehouse() {
        return warehouse;
    }

    /** The caps applied to every call. */
    public SqlLimits limits() {
        return limits;
    }

    /** How many queries passed every check and were handed to SQLite to run; for tests. */
    long executions() {
        return executions.sum();
    }

    private static String message(SQLException e) {
        String text = String.valueOf(e.getMessage());
        int open = text.indexOf('(');
        String detail = text.startsWith("[SQLITE_") && open > 0 && text.endsWith(")")
                ? text.substring(open + 1, text.length() - 1)
                : text;
        return "SQLite refused the query: " + detail;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
