package dev.meshpilot.sandbox.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * The caps {@link ReadOnlySql} enforces on every call.
 *
 * @param maxSqlChars longest accepted SQL text, in UTF-16 characters
 * @param maxRows rows returned before the result is cut ({@link SqlStatus#TRUNCATED})
 * @param maxValueBytes longest string or blob SQLite may build (its {@code SQLITE_LIMIT_LENGTH}); a longer
 *     one fails the query with an error
 * @param maxResultChars total characters of all returned values before the result is cut
 * @param timeout wall-clock budget of the whole call, after which the query is interrupted
 */
public record SqlLimits(int maxSqlChars, int maxRows, int maxValueBytes, int maxResultChars, Duration timeout) {
    public SqlLimits {
        positive(maxSqlChars, "maxSqlChars");
        positive(maxRows, "maxRows");
        positive(maxValueBytes, "maxValueBytes");
        positive(maxResultChars, "maxResultChars");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** 20,000 characters of SQL, 1,000 rows, 1 MB values, 4 M characters of result, 5 seconds. */
    public static SqlLimits defaults() {
        return new SqlLimits(20_000, 1_000, 1_000_000, 4_000_000, Duration.ofSeconds(5));
    }

    /** These limits with another timeout. */
    public SqlLimits withTimeout(Duration newTimeout) {
        return new SqlLimits(maxSqlChars, maxRows, maxValueBytes, maxResultChars, newTimeout);
    }

    /** These limits with another row cap. */
    public SqlLimits withMaxRows(int newMaxRows) {
        return new SqlLimits(maxSqlChars, newMaxRows, maxValueBytes, maxResultChars, timeout);
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
