package dev.meshpilot.sandbox.audit;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit table: the tail, and the chain walk of {@link AuditLog#verify()}. */
final class AuditReader {
    private AuditReader() {}

    static List<AuditRecord> tail(Path file, String principal, String tool, int limit) {
        String sql = "SELECT * FROM audit WHERE (? IS NULL OR principal = ?) AND (? IS NULL OR tool = ?) "
                + "ORDER BY seq DESC LIMIT ?";
        try (Connection c = AuditLog.connect(file);
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
     * record names its predecessor's hash, that its own hash matches its content, and that the chain
     * reaches at least {@code knownSeq} (a record committed by this process).
     */
    static VerifyResult verify(Path file, long knownSeq) {
        try (Connection c = AuditLog.connect(file);
                PreparedStatement st = c.prepareStatement("SELECT * FROM audit ORDER BY seq");
                ResultSet rs = st.executeQuery()) {
            long expected = 1;
            String prev = Chain.GENESIS;
            while (rs.next()) {
                long seq = rs.getLong("seq");
                String problem = problem(rs, seq, expected, prev);
                if (problem != null) {
                    return VerifyResult.broken(expected - 1, Math.min(seq, expected), problem);
                }
                prev = rs.getString("hash");
                expected++;
            }
            if (expected - 1 < knownSeq) {
                return VerifyResult.broken(
                        expected - 1,
                        expected,
                        "records " + expected + " to " + knownSeq + " were committed but are gone: the log was "
                                + "truncated at the end");
            }
            return VerifyResult.ok(expected - 1);
        } catch (SQLException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot read the audit log: " + e.getMessage(), e);
        }
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
