package dev.meshpilot.sandbox.audit;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The newest record's sequence number and hash, or {@code (0, GENESIS)} for an empty log. */
record Tail(long seq, String hash) {
    static final Tail EMPTY = new Tail(0, Chain.GENESIS);
    static final String NEWEST = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1";
    static final String HASH_AT = "SELECT hash FROM audit WHERE seq = ?";

    static Tail read(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(NEWEST)) {
            return read(st);
        }
    }

    /** Runs {@link #NEWEST}. */
    static Tail read(PreparedStatement newest) throws SQLException {
        try (ResultSet rs = newest.executeQuery()) {
            return rs.next() ? new Tail(rs.getLong(1), rs.getString(2)) : EMPTY;
        }
    }

    /** Runs {@link #HASH_AT}: the hash stored for record {@code seq}, or null when there is none. */
    static String hashAt(PreparedStatement hashAt, long seq) throws SQLException {
        hashAt.setLong(1, seq);
        try (ResultSet rs = hashAt.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * The tail to continue the chain from, after checking that the newest record this writer committed
     * ({@code known}) is still there, unchanged. Records other processes appended since are accepted.
     *
     * @throws MeshpilotException {@link ErrorCode#STORE_FAILED} when it is gone or changed
     */
    static Tail continuing(Tail known, PreparedStatement newest, PreparedStatement hashAt) throws SQLException {
        Tail tail = read(newest);
        boolean gone = tail.seq() < known.seq();
        boolean changed = !gone
                && known.seq() > 0
                && !known.hash().equals(tail.seq() == known.seq() ? tail.hash() : hashAt(hashAt, known.seq()));
        if (gone || changed) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED,
                    "the audit log was tampered with: record " + known.seq() + ", committed earlier, is "
                            + (gone ? "gone" : "changed")
                            + "; refusing to continue the chain (run meshpilot audit verify)");
        }
        return tail;
    }
}
