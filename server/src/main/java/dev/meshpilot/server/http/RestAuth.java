package dev.meshpilot.server.http;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.audit.AuditSink;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.auth.HeaderGuard;
import dev.meshpilot.server.auth.Refusals;
import dev.meshpilot.server.config.ServerConfig;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * Who a REST request is for, and whether they may: the same bearer tokens and OAuth access tokens as MCP
 * ({@link BearerAuth}), then a scope of the workspace principal. Without a token a request acts for
 * {@code rest.anonymousPrincipal} when one is set (only allowed on a loopback bind) and its {@code Host} and
 * {@code Origin} are loopback ones (so a DNS-rebinding web page gets no anonymous access); otherwise 401 with
 * {@code WWW-Authenticate}. A principal without the scope gets 403. Every refusal is written to the audit
 * log. Thread-safe.
 *
 * <pre>{@code
 * RestAuth auth = new RestAuth(config, new BearerAuth(config.mcp(), principals::resolve), auditLog);
 * routing.register("/api/v1/lineage", auth.guard(Scope.LINEAGE_WRITE, true, lineage));
 * }</pre>
 */
public final class RestAuth {
    /** The front end's name in audit records. */
    public static final String FRONT_END = "rest";

    private final BearerAuth bearer;
    private final String anonymous;
    private final HeaderGuard guard;
    private final Refusals refusals;

    /**
     * @throws MeshpilotException ({@link ErrorCode#NOT_FOUND}, listing the known ones) when
     *     {@code rest.anonymousPrincipal} names no principal of the loaded workspace
     */
    public RestAuth(ServerConfig config, BearerAuth bearer, AuditSink audit) {
        this.bearer = bearer;
        this.anonymous = config.rest().anonymousPrincipal();
        this.guard = new HeaderGuard(
                config.host(), config.mcp().allowedHosts(), config.mcp().allowedOrigins());
        this.refusals = new Refusals(audit, FRONT_END);
        if (anonymous != null) {
            try {
                bearer.principal(anonymous);
            } catch (MeshpilotException e) {
                throw new MeshpilotException(e.code(), "rest.anonymousPrincipal: " + e.getMessage(), e);
            }
        }
    }

    /**
     * {@code service} behind authentication and {@code scope}: granted on the whole mesh when {@code meshWide},
     * else anywhere (the service then checks each product with {@link #principal} and {@link #refuse}).
     */
    HttpService guard(Scope scope, boolean meshWide, HttpService service) {
        return new HttpService() {
            @Override
            public void routing(HttpRules rules) {
                rules.any((req, res) -> admit(req, res, scope, meshWide));
                service.routing(rules);
            }
        };
    }

    /** The principal {@link #guard} admitted the request for. */
    static Principal principal(ServerRequest req) {
        return req.context().get(Principal.class).orElseThrow();
    }

    /** Refuses an admitted principal (403) with the policy's reason, audited. */
    void refuse(ServerRequest req, ServerResponse res, Principal principal, String reason) {
        refusals.record(
                principal, req.prologue().method().text(), req.path().absolute().path(), 403, reason);
        Problems.send(res, Status.FORBIDDEN_403, ErrorCode.SANDBOX_DENIED, reason, List.of());
    }

    private void admit(ServerRequest req, ServerResponse res, Scope scope, boolean meshWide) {
        if (req.query().contains("access_token")) {
            Problems.send(
                    res,
                    Status.BAD_REQUEST_400,
                    ErrorCode.USAGE,
                    "tokens are accepted only in the Authorization header (Bearer), never in the URL",
                    List.of());
            return;
        }
        String authorization = header(req, HeaderNames.AUTHORIZATION);
        BearerAuth.Outcome outcome = bearer.authenticate(authorization, anonymous(req, authorization));
        if (outcome.refused()) {
            refusals.challenge(req, res, outcome);
            if (outcome.status() == 403) {
                Problems.send(
                        res,
                        Status.FORBIDDEN_403,
                        ErrorCode.SANDBOX_DENIED,
                        "the access token does not grant the scope this server requires",
                        List.of());
            } else {
                Problems.send(
                        res,
                        Status.UNAUTHORIZED_401,
                        ErrorCode.UNAUTHENTICATED,
                        "a valid bearer token is required: send Authorization: Bearer <token> "
                                + "(mcp.tokens or mcp.oauth in the server config)",
                        List.of());
            }
            return;
        }
        Principal p = outcome.principal();
        if (meshWide ? !AccessPolicy.check(p, scope, Resource.MESH).allowed() : !AccessPolicy.holdsAnywhere(p, scope)) {
            refuse(req, res, p, AccessPolicy.check(p, scope, Resource.MESH).reason());
            return;
        }
        req.context().register(p);
        res.next();
    }

    /** The anonymous principal for a request without a token from this machine's loopback names; else null. */
    private Principal anonymous(ServerRequest req, String authorization) {
        if (anonymous == null || (authorization != null && !authorization.isBlank())) {
            return null;
        }
        if (guard.refusal(header(req, HeaderNames.HOST), header(req, HeaderNames.ORIGIN)) != null) {
            return null;
        }
        try {
            return bearer.principal(anonymous);
        } catch (MeshpilotException e) {
            // the workspace was reloaded without it: no anonymous access
            return null;
        }
    }

    private static String header(ServerRequest req, HeaderName name) {
        return req.headers().first(name).orElse(null);
    }
}
