package dev.meshpilot.sandbox.sql;

/**
 * The check of names against the schema, made once the connection is open and before anything is
 * prepared: a name that is a table the caller may not read, a schema table or a virtual table is refused,
 * even where SQLite would not read it (an unused CTE). Deny by default: a column that happens to share a
 * forbidden table's name is refused too.
 */
final class TableNames {
    private TableNames() {}

    static void check(CheckedSql sql, Schema schema, SqlPolicy policy) {
        for (Token token : sql.tokens()) {
            if (!token.isName()) {
                continue;
            }
            String name = token.lower();
            Schema.Entry entry = schema.entry(name);
            boolean system = Schema.SYSTEM_TABLES.contains(name);
            if (entry != null && entry.isVirtual()) {
                throw new Denied(
                        SqlDenial.VIRTUAL_TABLE,
                        "table " + name + " is a virtual table, which cannot be "
                                + "checked; query its source tables instead");
            }
            if (system || entry != null && entry.type().equals("table") && !policy.mayRead(name)) {
                throw new Denied(SqlDenial.TABLE_NOT_ALLOWED, notAllowed(name, policy, schema));
            }
        }
    }

    static String notAllowed(String table, SqlPolicy policy, Schema schema) {
        return "table " + table + " is not readable for this caller; allowed tables: " + policy.allowedList(schema);
    }
}
