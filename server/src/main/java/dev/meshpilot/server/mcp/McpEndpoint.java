package dev.meshpilot.server.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The session router both transports share: it implements the SDK's streamable server transport provider
 * (the SDK's server calls {@link #setSessionFactory}), keeps the sessions, binds each to the principal that
 * opened it, and passes messages to the SDK's sessions with the {@link Caller} in the request context. It
 * answers two things itself: {@code resources/list}, paginated over what the caller may see (the SDK's own
 * handler has no cursor), and {@code notifications/cancelled}, which cancels the request in flight (its
 * gate call is interrupted and no response is sent). Thread-safe.
 */
public abstract class McpEndpoint implements McpStreamableServerTransportProvider {
    private static final Logger LOG = Logger.getLogger(McpEndpoint.class.getName());
    public static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
    private static final Duration BLOCK = Duration.ofSeconds(30);

    /** One session: the SDK's session, whom it belongs to, its requests in flight, when it was last used. */
    public static final class Session {
        final McpStreamableServerSession sdk;
        final String owner;
        final Map<String, Disposable> inflight = new ConcurrentHashMap<>();
        volatile long lastUsedNanos = System.nanoTime();

        Session(McpStreamableServerSession sdk, String owner) {
            this.sdk = sdk;
            this.owner = owner;
        }

        public String id() {
            return sdk.getId();
        }

        public McpStreamableServerSession sdk() {
            return sdk;
        }

        public long idleNanos() {
            return System.nanoTime() - lastUsedNanos;
        }
    }

    /** What {@link #initialize} returns: the new session and the response to send. */
    public record Opened(Session session, McpSchema.JSONRPCResponse response) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile McpStreamableServerSession.Factory factory;
    private volatile ResourcePages pages;
    private volatile boolean closing;

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.factory = sessionFactory;
    }

    /** Called once the SDK server is built: what {@code resources/list} pages over. */
    void attach(ResourcePages resourcePages) {
        this.pages = resourcePages;
    }

    public boolean closing() {
        return closing;
    }

    /** Opens a session for {@code caller} and answers the {@code initialize} request. */
    public Opened initialize(McpSchema.JSONRPCRequest request, Caller caller) {
        McpSchema.InitializeRequest init =
                JSON.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {});
        McpStreamableServerSession.McpStreamableServerSessionInit started = factory.startSession(init);
        Session s = new Session(started.session(), caller.principal().id());
        sessions.put(s.id(), s);
        McpSchema.InitializeResult result = started.initResult()
                .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, caller.context()))
                .block(BLOCK);
        return new Opened(s, McpSchema.JSONRPCResponse.result(request.id(), result));
    }

    /** The session with this id if {@code caller} opened it; null otherwise (answer 404). */
    public Session find(String sessionId, Caller caller) {
        Session s = sessionId == null ? null : sessions.get(sessionId);
        if (s == null || !s.owner.equals(caller.principal().id())) {
            return null;
        }
        s.lastUsedNanos = System.nanoTime();
        return s;
    }

    /**
     * Handles a request: the response (and anything sent while it runs: progress, logs, requests to the
     * client) goes to {@code stream}, which is closed afterwards. Returns at once.
     */
    public void request(
            Session s, McpSchema.JSONRPCRequest request, McpStreamableServerTransport stream, Caller caller) {
        if (McpSchema.METHOD_RESOURCES_LIST.equals(request.method()) && pages != null) {
            McpSchema.JSONRPCMessage reply = pages.answer(request, caller);
            stream.sendMessage(reply).then(stream.closeGracefully()).subscribe(v -> {}, e -> stream.close());
            return;
        }
        String key = String.valueOf(request.id());
        Disposable.Swap slot = Disposables.swap();
        s.inflight.put(key, slot);
        slot.update(s.sdk.responseStream(stream)
                .handle(request)
                .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, caller.context()))
                .doFinally(signal -> s.inflight.remove(key, slot))
                .subscribe(v -> {}, e -> LOG.log(Level.FINE, "request failed", e)));
    }

    /** Handles a notification from the client; {@code notifications/cancelled} cancels a request in flight. */
    public void notification(Session s, McpSchema.JSONRPCNotification n, Caller caller) {
        if ("notifications/cancelled".equals(n.method())) {
            Object id = n.params() instanceof Map<?, ?> m ? m.get("requestId") : null;
            Disposable d = id == null ? null : s.inflight.remove(String.valueOf(id));
            if (d != null) {
                d.dispose();
            }
            return;
        }
        s.sdk.accept(n)
                .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, caller.context()))
                .block(BLOCK);
    }

    /** Handles the client's response to a request the server sent (sampling, elicitation, ping). */
    public void response(Session s, McpSchema.JSONRPCResponse r, Caller caller) {
        s.sdk.accept(r)
                .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, caller.context()))
                .onErrorResume(e -> Mono.empty())
                .block(BLOCK);
    }

    /** Ends a session: its streams close and its requests in flight are cancelled. */
    public void delete(Session s) {
        sessions.remove(s.id(), s);
        s.inflight.values().forEach(Disposable::dispose);
        s.sdk.delete().onErrorResume(e -> Mono.empty()).block(BLOCK);
    }

    public List<Session> sessions() {
        return List.copyOf(sessions.values());
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(sessions.values())
                .flatMap(s -> s.sdk.sendNotification(method, params).onErrorResume(e -> Mono.empty()))
                .then();
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        Session s = sessions.get(sessionId);
        return s == null ? Mono.empty() : s.sdk.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closing = true;
            sessions().forEach(this::delete);
        });
    }

    @Override
    public List<String> protocolVersions() {
        return ProtocolVersion.SUPPORTED;
    }

    /** A JSON-RPC error response built by hand: the SDK's builder refuses a null id (unparseable input). */
    public static String errorJson(Object id, int code, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + (id == null ? "null" : json(id)) + ",\"error\":{\"code\":" + code
                + ",\"message\":" + json(message) + "}}";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
