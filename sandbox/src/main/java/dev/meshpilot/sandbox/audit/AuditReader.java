package dev.meshpilot.sandbox.audit;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit table: the tail, and the chain walk of {@link AuditLog#verify()}. */
final class AuditReader {
    private static final int FETCH = 1_000;

    private AuditReader() {}

    static List<AuditRecord> tail(Backend backend, String principal, String tool, int limit) {
        String sql = "SELECT * FROM " + backend.table()
                + " WHERE (CAST(? AS TEXT) IS NULL OR principal = ?) AND (CAST(? AS TEXT) IS NULL OR tool = ?) "
                + "ORDER BY seq DESC LIMIT ?";
        try (Connection c = backend.reader();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, principal);
            st.setString(2, principal);
            st.setString(3, tool);
            st.setString(4, tool);
            st.setInt(5, Math.max(0, limit));
            List<AuditRecord> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(Rows.read(rs));
                }
            }
            return out;
        } catch (SQLException | RuntimeException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot read the audit log: " + e.getMessage(), e);
        }
    }

    /**
     * Checks, record by record in sequence order, that numbers run 1, 2, 3... without a gap, that each
     * record names its predecessor's hash, that its own hash matches its content, that the chain reaches at
     * least {@code knownSeq} (a record committed by this process) and, where the engine records the chain's
     * head apart from the records, that the chain ends exactly there. Reads one snapshot where the engine
     * offers it, so appends running meanwhile do not disturb the walk.
     */
    static VerifyResult verify(Backend backend, long knownSeq) {
        try (Connection c = backend.reader()) {
            Tail head = backend.head(c);
            if (head == Tail.MISSING) {
                return VerifyResult.broken(0, 1, "the chain's head (table audit_head) is gone: deleted");
            }
            long expected = 1;
            String prev = Chain.GENESIS;
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + backend.table() + " ORDER BY seq")) {
                st.setFetchSize(FETCH);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong("seq");
                        String problem = problem(rs, seq, expected, prev);
                        if (problem != null) {
                            return VerifyResult.broken(expected - 1, Math.min(seq, expected), problem);
                        }
                        prev = rs.getString("hash");
                        expected++;
                    }
                }
            }
            return end(expected - 1, prev, Math.max(knownSeq, head == null ? 0 : head.seq()), head);
        } catch (SQLException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot read the audit log: " + e.getMessage(), e);
        }
    }

    /** The verdict once {@code last} records walked fine, the newest with hash {@code lastHash}. */
    private static VerifyResult end(long last, String lastHash, long mustReach, Tail head) {
        if (last < mustReach) {
            return VerifyResult.broken(
                    last,
                    last + 1,
                    "records " + (last + 1) + " to " + mustReach + " were committed but are gone: the log was "
                            + "truncated at the end");
        }
        if (head != null && last > head.seq()) {
            return VerifyResult.broken(
                    head.seq(),
                    head.seq() + 1,
                    "record " + (head.seq() + 1) + " is past the chain's head (record " + head.seq()
                            + " in table audit_head): written outside the audit log");
        }
        if (head != null && !lastHash.equals(head.hash())) {
            return VerifyResult.broken(
                    last - 1,
                    last,
                    "record " + last + " is not the chain's head recorded in table audit_head: replaced");
        }
        return VerifyResult.ok(last);
    }

    private static String problem(ResultSet rs, long seq, long expected, String prev) throws SQLException {
        if (seq != expected) {
            return seq > expected
                    ? "record " + expected + " is missing (next is " + seq + "): deleted, or the log truncated"
                    : "record " + seq + " appears out of order (expected " + expected + ")";
        }
        AuditRecord r;
        try {
            r = Rows.read(rs);
        } catch (RuntimeException e) {
            return "record " + seq + " is unreadable (" + e.getMessage() + "): edited";
        }
        if (!prev.equals(r.prevHash())) {
            return "record " + seq + " does not follow record " + (seq - 1) + ": reordered, replaced or inserted";
        }
        if (!Chain.hash(r.seq(), r.prevHash(), r.entry()).equals(r.hash())) {
            return "record " + seq + " was edited: its hash does not match its content";
        }
        return null;
    }
}
