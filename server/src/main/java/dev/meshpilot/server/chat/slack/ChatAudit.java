package dev.meshpilot.server.chat.slack;

import dev.meshpilot.sandbox.audit.AuditEntry;
import dev.meshpilot.sandbox.audit.AuditSink;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.server.auth.Refusals;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What chat writes to the audit log the gate writes to (front end {@value #FRONT_END}): refused requests (401,
 * 413, 415, ...), accepted commands and actions with the principal they act as, and answers that could not be
 * delivered. Never a secret, a signature or a token. A failing audit log is logged, not fatal. Thread-safe.
 */
final class ChatAudit {
    static final String FRONT_END = "slack";
    private static final Logger LOG = Logger.getLogger(ChatAudit.class.getName());

    private final AuditSink audit;
    private final Refusals refusals;

    ChatAudit(AuditSink audit) {
        this.audit = audit;
        this.refusals = new Refusals(audit, FRONT_END);
    }

    void refused(String path, int status, String reason) {
        refusals.record(null, "POST", path, status, reason);
    }

    void accepted(String principal, String what, String detail) {
        write(principal, null, what, ToolResult.Status.OK.wireName(), detail);
    }

    void denied(String principal, String what, String reason) {
        write(principal, null, what, ToolResult.Status.DENIED.wireName(), reason);
    }

    /** An answer not delivered: logged at WARNING and audited as an error. */
    void undelivered(String principal, String runId, String what, String error) {
        LOG.log(Level.WARNING, "slack: {0} for {1} (run {2}) not delivered: {3}", new Object[] {
            what, principal, runId, error
        });
        write(principal, runId, what, ToolResult.Status.ERROR.wireName(), "not delivered: " + error);
    }

    /** A call to Slack that failed (not an answer): logged at WARNING and audited as an error. */
    void failed(String principal, String what, String error) {
        LOG.log(Level.WARNING, "slack: {0} for {1} failed: {2}", new Object[] {what, principal, error});
        write(principal, null, what, ToolResult.Status.ERROR.wireName(), error);
    }

    private void write(String principal, String runId, String what, String decision, String reason) {
        try {
            audit.append(new AuditEntry(
                    Instant.now(), principal, FRONT_END, runId, what, null, decision, reason, 0, 0, null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot audit slack {0}: {1}", new Object[] {what, e.getMessage()});
        }
    }
}
