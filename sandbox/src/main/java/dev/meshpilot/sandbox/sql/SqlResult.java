package dev.meshpilot.sandbox.sql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one {@link ReadOnlySql} call; never an exception. Values in {@code rows} are
 * {@link String}, {@link Long}, {@link Double} or {@code null} (a blob is described as a string such as
 * {@code "[blob 3072 bytes]"}).
 *
 * @param status how the call ended
 * @param columns result column names (labels), empty unless the query ran
 * @param rows result rows, each as long as {@code columns}; empty unless the query ran
 * @param reason what happened and what would be allowed; empty for {@link SqlStatus#OK}
 * @param query the SQL text as the caller sent it (a text over the size limit is cut, and says so)
 * @param elapsed wall-clock time of the whole call
 * @param denial the refusal category when {@code status} is {@link SqlStatus#DENIED}, otherwise null
 */
public record SqlResult(
        SqlStatus status,
        List<String> columns,
        List<List<Object>> rows,
        String reason,
        String query,
        Duration elapsed,
        SqlDenial denial) {
    public SqlResult {
        Objects.requireNonNull(status, "status");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "row has " + row.size() + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(elapsed, "elapsed");
        if ((status == SqlStatus.DENIED) != (denial != null)) {
            throw new IllegalArgumentException("denial must be set exactly when status is DENIED");
        }
    }

    static SqlResult denied(Denied denied, String query, Duration elapsed) {
        return new SqlResult(
                SqlStatus.DENIED, List.of(), List.of(), denied.getMessage(), query, elapsed, denied.denial());
    }

    static SqlResult failed(SqlStatus status, String reason, String query, Duration elapsed) {
        return new SqlResult(status, List.of(), List.of(), reason, query, elapsed, null);
    }

    /** Whether the query ran and returned rows, complete or cut ({@link SqlStatus#OK} or {@link SqlStatus#TRUNCATED}). */
    public boolean ran() {
        return status == SqlStatus.OK || status == SqlStatus.TRUNCATED;
    }
}
