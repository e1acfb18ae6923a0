package dev.meshpilot.mesh.migration;

import java.util.Locale;
import java.util.regex.Pattern;

/** Column types and value conversions per dialect, from ODCS logical (and physical) types. */
final class SqlTypes {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    private SqlTypes() {}

    /** Words SQLite or PostgreSQL reserve (or parse specially) that must be quoted as column or table names. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of(
            "all",
            "alter",
            "and",
            "any",
            "as",
            "asc",
            "between",
            "by",
            "case",
            "cast",
            "check",
            "collate",
            "column",
            "constraint",
            "create",
            "cross",
            "current_date",
            "current_time",
            "current_timestamp",
            "current_user",
            "default",
            "delete",
            "desc",
            "distinct",
            "do",
            "drop",
            "else",
            "end",
            "except",
            "exists",
            "false",
            "fetch",
            "for",
            "foreign",
            "from",
            "full",
            "grant",
            "group",
            "having",
            "in",
            "index",
            "inner",
            "insert",
            "intersect",
            "into",
            "is",
            "join",
            "key",
            "left",
            "like",
            "limit",
            "natural",
            "not",
            "null",
            "offset",
            "on",
            "or",
            "order",
            "outer",
            "primary",
            "references",
            "right",
            "select",
            "session_user",
            "set",
            "table",
            "then",
            "to",
            "true",
            "union",
            "unique",
            "update",
            "user",
            "using",
            "values",
            "when",
            "where",
            "window",
            "with");

    static String quote(String id) {
        return PLAIN.matcher(id).matches() && !RESERVED.contains(id) ? id : "\"" + id.replace("\"", "\"\"") + "\"";
    }

    static String type(Prop p, Dialect d) {
        String logical = logical(p);
        String physical = p.physicalType() == null ? "" : p.physicalType().toLowerCase(Locale.ROOT);
        if (d == Dialect.SQLITE) {
            return switch (logical) {
                case "integer", "boolean" -> "INTEGER";
                case "number" -> "NUMERIC";
                case "date" -> "DATE";
                default -> "TEXT";
            };
        }
        if (physical.matches("(var)?char(acter)?( varying)?\\s*\\(\\d+\\)") || physical.matches("numeric\\(.*\\)")) {
            return physical;
        }
        return switch (logical) {
            case "integer" -> "bigint";
            case "number" -> "numeric";
            case "boolean" -> "boolean";
            case "date" -> "date";
            case "timestamp" -> "timestamptz";
            case "time" -> "time";
            case "object", "array" -> "jsonb";
            default -> "text";
        };
    }

    static String logical(Prop p) {
        return p.logicalType() == null ? "string" : p.logicalType().toLowerCase(Locale.ROOT);
    }

    /** An expression converting {@code col} of {@code from}'s type into {@code to}'s; invalid values become NULL. */
    static String convert(String col, Prop from, Prop to, Dialect d) {
        String a = logical(from);
        String b = logical(to);
        if (a.equals(b)) {
            return col;
        }
        boolean lite = d == Dialect.SQLITE;
        return switch (a + ">" + b) {
            case "string>date" ->
                lite
                        ? "date(" + col + ")"
                        : "CASE WHEN " + col + " ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN " + col + "::date END";
            case "string>timestamp" ->
                lite
                        ? "strftime('%Y-%m-%dT%H:%M:%SZ', " + col + ")"
                        : "CASE WHEN " + col + " ~ '^\\d{4}-\\d{2}-\\d{2}' THEN " + col + "::timestamptz END";
            case "string>integer" ->
                lite
                        ? "CASE WHEN trim(" + col + ") GLOB '[0-9]*' AND trim(" + col
                                + ") NOT GLOB '*[^0-9]*' THEN CAST(" + col + " AS INTEGER) END"
                        : "CASE WHEN " + col + " ~ '^\\s*-?\\d+\\s*$' THEN " + col + "::bigint END";
            case "string>number" ->
                lite
                        ? "CASE WHEN CAST(" + col + " AS REAL) || '' = trim(" + col + ") OR CAST(" + col
                                + " AS INTEGER) || '' = trim(" + col + ") THEN CAST(" + col + " AS NUMERIC) END"
                        : "CASE WHEN " + col + " ~ '^\\s*-?\\d+(\\.\\d+)?\\s*$' THEN " + col + "::numeric END";
            case "string>boolean" ->
                lite
                        ? "CASE lower(" + col
                                + ") WHEN 'true' THEN 1 WHEN '1' THEN 1 WHEN 'yes' THEN 1 WHEN 'false' THEN 0"
                                + " WHEN '0' THEN 0 WHEN 'no' THEN 0 END"
                        : "CASE lower(" + col + ") WHEN 'true' THEN true WHEN '1' THEN true WHEN 'yes' THEN true"
                                + " WHEN 'false' THEN false WHEN '0' THEN false WHEN 'no' THEN false END";
            case "date>string" -> lite ? "CAST(" + col + " AS TEXT)" : "to_char(" + col + ", 'YYYY-MM-DD')";
            case "timestamp>string" ->
                lite
                        ? "CAST(" + col + " AS TEXT)"
                        : "to_char(" + col + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
            case "date>timestamp" -> lite ? "strftime('%Y-%m-%dT00:00:00Z', " + col + ")" : col + "::timestamptz";
            case "timestamp>date" -> lite ? "date(" + col + ")" : col + "::date";
            case "boolean>string" ->
                lite ? "CASE " + col + " WHEN 1 THEN 'true' WHEN 0 THEN 'false' END" : col + "::text";
            default -> lite ? "CAST(" + col + " AS " + type(to, d) + ")" : col + "::" + type(to, d);
        };
    }
}
