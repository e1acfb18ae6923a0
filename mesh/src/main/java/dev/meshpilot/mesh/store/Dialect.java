package dev.meshpilot.mesh.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The database engine a {@link MeshStore} runs on. Repository SQL is written to run on both (upserts with
 * {@code ON CONFLICT}, no engine functions); the few places that must differ ask {@link #of(Handle)}.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    /** The attribute every handle of a store carries (see {@link MeshStore}). */
    static final String ATTRIBUTE = "meshpilot.dialect";

    /** The engine of the store {@code h} belongs to; SQLite for a handle from elsewhere. */
    public static Dialect of(Handle h) {
        Object d = h.getConfig(SqlStatements.class).getAttribute(ATTRIBUTE);
        return d instanceof Dialect dialect ? dialect : SQLITE;
    }
}
