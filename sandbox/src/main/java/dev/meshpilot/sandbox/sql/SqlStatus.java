package dev.meshpilot.sandbox.sql;

/** How a {@link ReadOnlySql} call ended. */
public enum SqlStatus {
    /** The query ran and every row is in the result. */
    OK,
    /** The query ran and the result was cut at a cap (rows or size); the reason says which. */
    TRUNCATED,
    /** The query was refused before it ran; {@link SqlResult#denial()} says why. Nothing was executed. */
    DENIED,
    /** The query was stopped at the deadline. */
    TIMEOUT,
    /** SQLite rejected or failed the query (syntax error, unknown column, value too big). */
    ERROR
}
