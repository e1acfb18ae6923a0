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
            st.setInt(5, limit);
            List<AuditRecord> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(Rows.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot read the audit log: " + e.getMessage(), e);
        }
    }

    /**
     * Checks, record by record in sequence order, that numbers run 1, 2, 3... without a gap, that each
     * record names its predecessor's hash, and that its own hash matches its content.
     */
    static VerifyResult verify(Path file) {
        try (Connection c = AuditLog.connect(file);
                PreparedStatement st = c.prepareStatement("SELECT * FROM audit ORDER BY seq");
                ResultSet rs = st.executeQuery()) {
            long expected = 1;
            String prev = Chain.GENESIS;
            while (rs.next()) {
                AuditRecord r = Rows.read(rs);
                if (r.seq() != expected) {
                    return VerifyResult.broken(
                            expected - 1,
                            expected,
                            "record " + expected + " is missing (next is " + r.seq() + "): deleted or truncated");
                }
                if (!r.prevHash().equals(prev)) {
                    return VerifyResult.broken(
                            expected - 1,
                            r.seq(),
                            "record " + r.seq() + " does not follow record " + (r.seq() - 1)
                                    + ": reordered or replaced");
                }
                if (!Chain.hash(r.seq(), r.prevHash(), r.entry()).equals(r.hash())) {
                    return VerifyResult.broken(
                            expected - 1,
                            r.seq(),
                            "record " + r.seq() + " was edited: its hash " + "does not match its content");
                }
                prev = r.hash();
                expected++;
            }
            return VerifyResult.ok(expected - 1);
        } catch (SQLException | RuntimeException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot read the audit log: " + e.getMessage(), e);
        }
    }
}
