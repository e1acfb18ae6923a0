package dev.meshpilot.sandbox.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Maps audit records to and from rows of the audit table ({@code audit} in SQLite, {@code audit_entry} in PostgreSQL). */
final class Rows {
    private Rows() {}

    static String insert(String table) {
        return "INSERT INTO " + table + " (seq, time, principal, agent, run_id, tool, args_digest, "
                + "decision, reason, duration_us, output_bytes, prompt_version, prev_hash, hash, args) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    static void bind(PreparedStatement st, long seq, AuditEntry e, String prevHash, String hash) throws SQLException {
        st.setLong(1, seq);
        st.setString(2, e.time().toString());
        st.setString(3, e.principal());
        st.setString(4, e.agent());
        st.setString(5, e.runId());
        st.setString(6, e.tool());
        st.setString(7, e.argsDigest());
        st.setString(8, e.decision());
        st.setString(9, e.reason());
        st.setLong(10, e.durationMicros());
        st.setLong(11, e.outputBytes());
        st.setString(12, e.promptVersion());
        st.setString(13, prevHash);
        st.setString(14, hash);
        st.setString(15, e.args());
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        AuditEntry e = new AuditEntry(
                Instant.parse(rs.getString("time")),
                rs.getString("principal"),
                rs.getString("agent"),
                rs.getString("run_id"),
                rs.getString("tool"),
                rs.getString("args_digest"),
                rs.getString("decision"),
                rs.getString("reason"),
                rs.getLong("duration_us"),
                rs.getLong("output_bytes"),
                rs.getString("prompt_version"),
                rs.getString("args"));
        return new AuditRecord(rs.getLong("seq"), e, rs.getString("prev_hash"), rs.getString("hash"));
    }
}
