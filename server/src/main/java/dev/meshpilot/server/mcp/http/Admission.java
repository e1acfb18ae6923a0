package dev.meshpilot.server.mcp.http;

import static dev.meshpilot.server.mcp.http.HttpTransport.error;
import static dev.meshpilot.server.mcp.http.HttpTransport.header;

import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.auth.HeaderGuard;
import dev.meshpilot.server.auth.Refusals;
import dev.meshpilot.server.mcp.Caller;
import dev.meshpilot.server.mcp.ProtocolVersion;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Who an MCP request over HTTP is for, checked in order: the DNS-rebinding guard (403), no token in the URL
 * (400), the bearer token (401 or 403 with {@code WWW-Authenticate}; without one, the anonymous principal if
 * any), the {@code MCP-Protocol-Version} header (400 when unsupported). The 403s and 401s are audited.
 * Thread-safe.
 */
final class Admission {
    private final HeaderGuard guard;
    private final BearerAuth auth;
    private final Principal anonymous;
    private final Refusals refusals;

    Admission(HeaderGuard guard, BearerAuth auth, Principal anonymous, Refusals refusals) {
        this.guard = guard;
        this.auth = auth;
        this.anonymous = anonymous;
        this.refusals = refusals;
    }

    /** The request's caller; null (and the response sent) when refused. */
    Caller admit(ServerRequest req, ServerResponse res) {
        String refusal = guard.refusal(header(req, HeaderNames.HOST), header(req, HeaderNames.ORIGIN));
        if (refusal != null) {
            refusals.record(
                    null, req.prologue().method().text(), req.path().absolute().path(), 403, refusal);
            error(res, Status.FORBIDDEN_403, null, -32600, refusal);
            return null;
        }
        if (req.query().contains("access_token")) {
            error(
                    res,
                    Status.BAD_REQUEST_400,
                    null,
                    -32600,
                    "tokens are accepted only in the Authorization header, never in the URL");
            return null;
        }
        BearerAuth.Outcome outcome = auth.authenticate(header(req, HeaderNames.AUTHORIZATION), anonymous);
        if (outcome.refused()) {
            refusals.challenge(req, res, outcome);
            if (outcome.status() == 403) {
                error(
                        res,
                        Status.FORBIDDEN_403,
                        null,
                        -32600,
                        "the token does not grant the scope this server requires");
            } else {
                error(res, Status.UNAUTHORIZED_401, null, -32600, "a valid bearer token is required");
            }
            return null;
        }
        String version = header(req, HttpTransport.PROTOCOL_VERSION);
        if (version != null && !ProtocolVersion.supported(version)) {
            error(
                    res,
                    Status.BAD_REQUEST_400,
                    null,
                    -32600,
                    "unsupported MCP-Protocol-Version " + version + " (supported: "
                            + String.join(", ", ProtocolVersion.SUPPORTED) + ")");
            return null;
        }
        return new Caller(outcome.principal(), "http");
    }
}
