/**
 * Read-only SQL over the warehouse: {@link dev.meshpilot.sandbox.sql.ReadOnlySql} runs one query for a
 * caller described by a {@link dev.meshpilot.sandbox.sql.SqlPolicy} (the tables it may read, and per table
 * the columns masked for it) and returns a typed {@link dev.meshpilot.sandbox.sql.SqlResult}.
 *
 * <p>The defence is layered, each layer denying by default: the text is checked before anything is
 * prepared (one statement, {@code SELECT}/{@code WITH}/{@code VALUES} only, no {@code PRAGMA},
 * {@code ATTACH}, writes, schema-qualified names, control characters or look-alike letters); masked columns
 * are hidden behind per-connection temp views that return a constant; the compiled program
 * ({@code EXPLAIN}) is inspected so that no remaining read of a masked column or of a table the caller may
 * not read gets through; the query runs on a read-only connection with {@code query_only} on, under a
 * deadline and a row cap. See {@code notes-sqlite-pii-and-cold-start.md} for the SQLite facts this rests
 * on. This package knows nothing of the mesh model: callers compute the policy from contracts and grants.
 *
 * <p>What follows from the design: a masked value reads as the constant even where it is null; a caller
 * with masks reads the masked tables without their indexes (full scans); a table ordered by a masked
 * column (a {@code WITHOUT ROWID} key, a masked {@code INTEGER PRIMARY KEY}) is refused to that caller
 * outright, because its scan order alone would leak the column. Masking covers the columns the policy
 * names: a copy of PII in another column ({@code customer_360.email}, a {@code STORED} generated column)
 * is masked only when the policy names it too, which is why contracts classify such copies.
 */
package dev.meshpilot.sandbox.sql;
