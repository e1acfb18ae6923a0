package dev.meshpilot.server.mcp.http;

import dev.meshpilot.sandbox.audit.AuditSink;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.auth.HeaderGuard;
import dev.meshpilot.server.auth.OAuthTokens;
import dev.meshpilot.server.auth.Refusals;
import dev.meshpilot.server.config.McpConfig;
import dev.meshpilot.server.mcp.Caller;
import dev.meshpilot.server.mcp.McpEndpoint;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * MCP Streamable HTTP (2025-11-25) on one Helidon endpoint. Every request passes {@link Admission} (the
 * DNS-rebinding guard, the bearer token, the {@code MCP-Protocol-Version} header); a POST body must be one
 * JSON-RPC message ({@link JsonRpcBodies}, else 400). POST {@code initialize} opens a session
 * ({@code Mcp-Session-Id}, bound to the token's principal) and answers JSON; other POSTs need a session of the same principal (400 without, 404
 * unknown); notifications and responses get 202, requests JSON or an SSE stream. GET opens the session's
 * listening SSE stream, or resumes one with {@code Last-Event-ID}. DELETE ends the session. Sessions idle for
 * {@code idle} are closed.
 *
 * <pre>{@code
 * HttpTransport mcp = new HttpTransport(config.mcp(), config.host(), bearer, null, auditLog, heartbeat, idle);
 * MeshpilotMcp.build(mcp, gate, store, McpProfile.STANDARD);
 * routing.register("/mcp", mcp);
 * }</pre>
 */
public final class HttpTransport extends McpEndpoint implements HttpService {
    static final HeaderName SESSION_ID = HeaderNames.create("Mcp-Session-Id");
    static final HeaderName PROTOCOL_VERSION = HeaderNames.create("MCP-Protocol-Version");
    static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");
    private static final int MAX_STREAMS_PER_SESSION = 64;

    private final BearerAuth auth;
    private final Admission admission;
    private final Duration heartbeat;
    private final Duration idle;
    private final Map<String, Map<String, HttpStream>> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mcp-session-sweeper");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param auth the bearer tokens and OAuth (shared with the REST API)
     * @param anonymous whom requests without a token act for, or null to refuse them (401)
     * @param audit where refusals are recorded
     */
    public HttpTransport(
            McpConfig config,
            String bindHost,
            BearerAuth auth,
            Principal anonymous,
            AuditSink audit,
            Duration heartbeat,
            Duration idle) {
        this.auth = auth;
        this.admission = new Admission(
                new HeaderGuard(bindHost, config.allowedHosts(), config.allowedOrigins()),
                auth,
                anonymous,
                new Refusals(audit, "mcp"));
        this.heartbeat = heartbeat;
        this.idle = idle;
        long every = Math.max(1, idle.toSeconds() / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.SECONDS);
    }

    /**
     * Where RFC 9728 protected-resource metadata is served when {@code mcp.oauth} is configured: at this path,
     * and below it with the MCP endpoint's path ({@code /.well-known/oauth-protected-resource/mcp}).
     */
    public static final String METADATA_PATH = OAuthTokens.METADATA_PATH;

    /** Serves the RFC 9728 metadata document (no token needed); only when OAuth is configured. */
    public Optional<Handler> metadata() {
        OAuthTokens oauth = auth.oauth().orElse(null);
        if (oauth == null) {
            return Optional.empty();
        }
        byte[] body = json(oauth.metadata());
        return Optional.of((req, res) -> {
            res.header(HeaderValues.CONTENT_TYPE_JSON);
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            res.send(body);
        });
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::post)
                .get("/", this::get)
                .delete("/", this::delete)
                .any("/", (req, res) -> {
                    res.header(HeaderNames.ALLOW, "GET, POST, DELETE");
                    error(res, Status.METHOD_NOT_ALLOWED_405, null, -32600, "use POST, GET or DELETE");
                });
    }

    private void post(ServerRequest req, ServerResponse res) {
        Caller caller = admit(req, res);
        if (caller == null) {
            return;
        }
        String contentType = header(req, HeaderNames.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            error(res, Status.UNSUPPORTED_MEDIA_TYPE_415, null, -32600, "Content-Type must be application/json");
            return;
        }
        String accept = header(req, HeaderNames.ACCEPT);
        if (accept == null || !accept.contains("application/json") || !accept.contains("text/event-stream")) {
            error(
                    res,
                    Status.NOT_ACCEPTABLE_406,
                    null,
                    -32600,
                    "Accept must list both application/json and text/event-stream");
            return;
        }
        // an empty body has no entity at all: reading one would throw ("No entity")
        JsonRpcBodies.Parsed parsed =
                JsonRpcBodies.parse(req.content().hasEntity() ? req.content().as(String.class) : "");
        if (parsed.message() == null) {
            error(res, Status.BAD_REQUEST_400, null, parsed.code(), parsed.error());
            return;
        }
        McpSchema.JSONRPCMessage message = parsed.message();
        if (message instanceof McpSchema.JSONRPCRequest r && McpSchema.METHOD_INITIALIZE.equals(r.method())) {
            Opened opened = initialize(r, caller);
            res.header(SESSION_ID, opened.session().id());
            res.header(HeaderValues.CONTENT_TYPE_JSON);
            res.send(json(opened.response()));
            return;
        }
        Session session = session(req, res, caller);
        if (session == null) {
            return;
        }
        switch (message) {
            case McpSchema.JSONRPCRequest r -> {
                HttpStream stream = register(session, new HttpStream());
                request(session, r, stream, caller);
                stream.serve(res, 0, true, heartbeat, () -> find(session.id(), caller));
                forgetIfFinished(session, stream);
            }
            case McpSchema.JSONRPCNotification n -> {
                notification(session, n, caller);
                res.status(Status.ACCEPTED_202).send();
            }
            case McpSchema.JSONRPCResponse r -> {
                response(session, r, caller);
                res.status(Status.ACCEPTED_202).send();
            }
            default ->
                error(res, Status.BAD_REQUEST_400, null, -32600, "not a JSON-RPC request, notification or response");
        }
    }

    private void get(ServerRequest req, ServerResponse res) {
        Caller caller = admit(req, res);
        if (caller == null) {
            return;
        }
        String accept = header(req, HeaderNames.ACCEPT);
        if (accept == null || !accept.contains("text/event-stream")) {
            error(res, Status.NOT_ACCEPTABLE_406, null, -32600, "Accept must list text/event-stream");
            return;
        }
        Session session = session(req, res, caller);
        if (session == null) {
            return;
        }
        String lastEventId = header(req, LAST_EVENT_ID);
        if (lastEventId != null) {
            for (HttpStream s : streams.getOrDefault(session.id(), Map.of()).values()) {
                long from = s.positionAfter(lastEventId);
                if (from >= 0) {
                    s.serve(res, from, false, heartbeat, () -> find(session.id(), caller));
                    forgetIfFinished(session, s);
                    return;
                }
            }
        }
        HttpStream listening = register(session, new HttpStream());
        session.sdk().listeningStream(listening);
        listening.serve(res, 0, false, heartbeat, () -> find(session.id(), caller));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Caller caller = admit(req, res);
        if (caller == null) {
            return;
        }
        Session session = session(req, res, caller);
        if (session == null) {
            return;
        }
        end(session);
        res.status(Status.OK_200).send();
    }

    /** The guard, the token and the protocol version; null (and the response sent) when refused. */
    private Caller admit(ServerRequest req, ServerResponse res) {
        if (closing()) {
            error(res, Status.SERVICE_UNAVAILABLE_503, null, -32603, "the server is shutting down");
            return null;
        }
        return admission.admit(req, res);
    }

    /** The request's session; null (and 400 or 404 sent) when it names none or an unknown one. */
    private Session session(ServerRequest req, ServerResponse res, Caller caller) {
        String id = header(req, SESSION_ID);
        if (id == null || id.isBlank()) {
            error(res, Status.BAD_REQUEST_400, null, -32600, "Mcp-Session-Id header required: send initialize first");
            return null;
        }
        Session s = find(id, caller);
        if (s == null) {
            error(res, Status.NOT_FOUND_404, null, -32001, "session not found: start a new one with initialize");
        }
        return s;
    }

    private HttpStream register(Session session, HttpStream stream) {
        Map<String, HttpStream> own = streams.computeIfAbsent(session.id(), k -> new LinkedHashMap<>());
        synchronized (own) {
            own.put(stream.id, stream);
            Iterator<HttpStream> oldest = own.values().iterator();
            while (own.size() > MAX_STREAMS_PER_SESSION && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
        return stream;
    }

    private void forgetIfFinished(Session session, HttpStream stream) {
        Map<String, HttpStream> own = streams.get(session.id());
        if (own != null && stream.finished()) {
            synchronized (own) {
                own.remove(stream.id);
            }
        }
    }

    private void end(Session session) {
        super.delete(session);
        Map<String, HttpStream> own = streams.remove(session.id());
        if (own != null) {
            synchronized (own) {
                own.values().forEach(HttpStream::close);
            }
        }
    }

    private void sweep() {
        for (Session s : sessions()) {
            if (s.idleNanos() > idle.toNanos()) {
                end(s);
            }
        }
    }

    @Override
    public reactor.core.publisher.Mono<Void> closeGracefully() {
        return super.closeGracefully().then(reactor.core.publisher.Mono.fromRunnable(() -> {
            streams.values().forEach(m -> {
                synchronized (m) {
                    m.values().forEach(HttpStream::close);
                }
            });
            streams.clear();
            sweeper.shutdownNow();
        }));
    }

    static String header(ServerRequest req, HeaderName name) {
        return req.headers().first(name).orElse(null);
    }

    static void error(ServerResponse res, Status status, Object id, int code, String message) {
        res.status(status);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(errorJson(id, code, message).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
