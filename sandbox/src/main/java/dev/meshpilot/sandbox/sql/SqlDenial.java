package dev.meshpilot.sandbox.sql;

import java.util.Locale;

/** Why a query was refused: a stable category, the detail is in {@link SqlResult#reason()}. */
public enum SqlDenial {
    /** The SQL text is longer than {@link SqlLimits#maxSqlChars()}. */
    TOO_LARGE,
    /** A control, format (zero-width, bidi), private-use or unusual space character anywhere in the text. */
    ILLEGAL_CHARACTER,
    /** A non-ASCII character outside a string literal: look-alike letters, fullwidth forms. */
    NON_ASCII,
    /** Unterminated literal or comment, query parameters, stray characters, empty or too deeply nested. */
    MALFORMED,
    /** More than one statement. */
    MULTIPLE_STATEMENTS,
    /** The statement is not a query: it does not start with {@code SELECT}, {@code WITH} or {@code VALUES}. */
    NOT_A_QUERY,
    /** A write or DDL keyword: {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code CREATE}, ... */
    WRITE,
    /** {@code PRAGMA} or a {@code pragma_*} table-valued function. */
    PRAGMA,
    /** {@code ATTACH} or {@code DETACH}. */
    ATTACH,
    /** {@code load_extension} or another function that reaches outside the database. */
    EXTENSION,
    /** A {@code main.}/{@code temp.}-qualified (or three-part) name, which would bypass the masks. */
    SCHEMA_QUALIFIED,
    /** A quoted identifier with characters other than letters, digits, {@code _} and spaces. */
    IDENTIFIER,
    /** A virtual table, which the program check cannot map to columns. */
    VIRTUAL_TABLE,
    /** A table the caller may not read. */
    TABLE_NOT_ALLOWED,
    /** The compiled query reads or compares a column masked for the caller. */
    MASKED_COLUMN,
    /** The compiled query does something the program check cannot account for. */
    UNCHECKABLE;

    /** The lowercase wire name, e.g. {@code table_not_allowed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
