package dev.meshpilot.sandbox.audit;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The newest record's sequence number and hash, or {@code (0, GENESIS)} for an empty log. */
record Tail(long seq, String hash) {
    static final Tail EMPTY = new Tail(0, Chain.GENESIS);
    /** The head PostgreSQL records apart from the records, when its row was deleted. */
    static final Tail MISSING = new Tail(-1, "");

    static String newest(String table) {
        return "SELECT seq, hash FROM " + table + " ORDER BY seq DESC LIMIT 1";
    }

    static String hashAt(String table) {
        return "SELECT hash FROM " + table + " WHERE seq = ?";
    }

    /** Runs {@link #newest(String)}. */
    static Tail read(PreparedStatement newest) throws SQLException {
        try (ResultSet rs = newest.executeQuery()) {
            return rs.next() ? new Tail(rs.getLong(1), rs.getString(2)) : EMPTY;
        }
    }

    /** Runs {@link #hashAt(String)}: the hash stored for record {@code seq}, or null when there is none. */
    static String hashAt(PreparedStatement hashAt, long seq) throws SQLException {
        hashAt.setLong(1, seq);
        try (ResultSet rs = hashAt.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * Checks that the newest record this writer committed ({@code known}) is still there, unchanged, given the
     * chain's current end ({@code newest}) and the hash now stored at {@code known.seq()} ({@code stored}).
     * Records other writers appended since are accepted.
     *
     * @throws MeshpilotException {@link ErrorCode#STORE_FAILED} when it is gone or changed
     */
    static void requireKnown(Tail known, Tail newest, String stored) {
        boolean gone = newest.seq() < known.seq();
        boolean changed = !gone && known.seq() > 0 && !known.hash().equals(stored);
        if (gone || changed) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED,
                    "the audit log was tampered with: record " + known.seq() + ", committed earlier, is "
                            + (gone ? "gone" : "changed")
                            + "; refusing to continue the chain (run meshpilot audit verify)");
        }
    }
}
