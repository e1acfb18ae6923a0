package dev.meshpilot.server.auth;

import dev.meshpilot.sandbox.audit.AuditEntry;
import dev.meshpilot.sandbox.audit.AuditSink;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.tool.ToolResult;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes every refused HTTP request to the audit log the gate writes to: principal (or
 * {@value #UNAUTHENTICATED}), the front end as the agent ({@code rest}, {@code mcp}), {@code METHOD path} as
 * the tool, decision {@code denied}, and the status and reason (never a token). A refusal stays a refusal when
 * the log cannot be written (the failure is logged). Thread-safe.
 */
public final class Refusals {
    /** The principal recorded when the request named none that could be trusted. */
    public static final String UNAUTHENTICATED = "unauthenticated";

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());
    private static final int MAX_PATH = 200;

    private final AuditSink audit;
    private final String frontEnd;

    public Refusals(AuditSink audit, String frontEnd) {
        this.audit = audit;
        this.frontEnd = frontEnd;
    }

    /**
     * Records that {@code req} was refused for want of valid credentials ({@code outcome}, a 401 or 403) and puts
     * the outcome's challenge on {@code res}; the caller sends the body its protocol wants.
     */
    public void challenge(ServerRequest req, ServerResponse res, BearerAuth.Outcome outcome) {
        record(null, req.prologue().method().text(), req.path().absolute().path(), outcome.status(), outcome.reason());
        res.header(HeaderNames.WWW_AUTHENTICATE, outcome.challenge());
    }

    /** Records that {@code principal} (null: unauthenticated) was refused {@code method path} with {@code status}. */
    public void record(Principal principal, String method, String path, int status, String reason) {
        String p = path == null ? "" : path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "…";
        try {
            audit.append(new AuditEntry(
                    Instant.now(),
                    principal == null ? UNAUTHENTICATED : principal.id(),
                    frontEnd,
                    null,
                    method + " " + p,
                    null,
                    ToolResult.Status.DENIED.wireName(),
                    status + " " + reason,
                    0,
                    0,
                    null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot audit a refused {0} request: {1}", new Object[] {frontEnd, e.getMessage()});
        }
    }
}
