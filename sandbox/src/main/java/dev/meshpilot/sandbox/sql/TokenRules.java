package dev.meshpilot.sandbox.sql;

import dev.meshpilot.sandbox.sql.Token.Kind;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The per-token rules of {@link SqlText}: keywords are checked as bare words only (a quoted name is never a
 * keyword), names as bare or quoted words compared without case (SQLite accepts a quoted function name).
 */
final class TokenRules {
    private static final Set<String> WRITES = words("INSERT UPDATE DELETE REPLACE UPSERT MERGE TRUNCATE CREATE DROP"
            + " ALTER VACUUM REINDEX ANALYZE RETURNING GRANT REVOKE");
    private static final Set<String> NOT_QUERIES = words("EXPLAIN BEGIN COMMIT ROLLBACK SAVEPOINT RELEASE");
    private static final Set<String> EXTENSIONS =
            words("load_extension readfile writefile edit fts3_tokenizer sqlite_dbdata sqlite_dbptr");
    private static final Set<String> VIRTUAL = words("sqlite_dbpage sqlite_stmt dbstat generate_series zipfile fsdir"
            + " csv carray completion sqlite_memstat fts3 fts4 fts5 rtree fts5vocab");
    private static final Set<String> JSON_TABLES = words("json_each json_tree jsonb_each jsonb_tree");
    private static final Set<String> SCHEMAS = words("main temp temporary");
    private static final Pattern QUOTED_NAME = Pattern.compile("[A-Za-z0-9_ ]+");

    private TokenRules() {}

    /** Whether the token names one of the JSON table-valued functions, the only virtual tables allowed. */
    static boolean isJsonTable(Token token) {
        return token.isName() && JSON_TABLES.contains(token.lower());
    }

    /** Refuses a bare word that is a write, {@code PRAGMA}, {@code ATTACH} or another non-query keyword. */
    static void keyword(Token token, Token next) {
        String word = token.keyword();
        if (WRITES.contains(word) && !(word.equals("REPLACE") && next != null && next.is("("))) {
            throw new Denied(
                    SqlDenial.WRITE,
                    word + " at offset " + token.offset()
                            + " is not allowed: the warehouse is read-only, only SELECT, WITH or VALUES queries run");
        }
        if (word.equals("PRAGMA")) {
            throw new Denied(SqlDenial.PRAGMA, "PRAGMA is not allowed; only SELECT, WITH or VALUES queries run");
        }
        if (word.equals("ATTACH") || word.equals("DETACH")) {
            throw new Denied(SqlDenial.ATTACH, word + " is not allowed: queries read the warehouse only");
        }
        if (NOT_QUERIES.contains(word)) {
            throw new Denied(
                    SqlDenial.NOT_A_QUERY,
                    word + " at offset " + token.offset()
                            + " is not allowed; send one plain SELECT, WITH or VALUES query");
        }
    }

    /** Refuses the name at {@code i}: odd quoted names, pragma functions, extensions, schema qualifiers. */
    static void name(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        String name = token.lower();
        if (token.kind() == Kind.QUOTED && !QUOTED_NAME.matcher(token.value()).matches()) {
            throw new Denied(
                    SqlDenial.IDENTIFIER,
                    "quoted name " + token.text() + " at offset " + token.offset()
                            + " is not allowed: quoted names may contain only letters, digits, '_' and spaces");
        }
        if (name.startsWith("pragma_")) {
            throw new Denied(SqlDenial.PRAGMA, name + " is not allowed: pragma functions are not available to queries");
        }
        if (EXTENSIONS.contains(name)) {
            throw new Denied(SqlDenial.EXTENSION, name + " is not allowed: queries cannot load code or touch files");
        }
        if (VIRTUAL.contains(name)) {
            throw new Denied(
                    SqlDenial.VIRTUAL_TABLE,
                    name + " is a virtual table, which cannot be checked; "
                            + "json_each and json_tree are the only table-valued functions allowed");
        }
        boolean qualifies = i + 1 < tokens.size() && tokens.get(i + 1).is(".");
        boolean threePart = qualifies
                && i + 3 < tokens.size()
                && tokens.get(i + 2).isName()
                && tokens.get(i + 3).is(".");
        if (qualifies && SCHEMAS.contains(name) || threePart) {
            throw new Denied(
                    SqlDenial.SCHEMA_QUALIFIED,
                    "the schema-qualified name at offset " + token.offset()
                            + " is not allowed: name tables without a schema (customers, not main.customers)");
        }
    }

    private static Set<String> words(String spaced) {
        return Set.of(spaced.split(" "));
    }
}
