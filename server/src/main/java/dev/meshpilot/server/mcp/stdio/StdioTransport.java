package dev.meshpilot.server.mcp.stdio;

import dev.meshpilot.server.mcp.Caller;
import dev.meshpilot.server.mcp.McpEndpoint;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import reactor.core.publisher.Mono;

/**
 * MCP over stdio: one session, for one principal, on newline-delimited JSON-RPC. Requests run concurrently
 * (so a {@code notifications/cancelled} can reach one in flight); every message goes out as one line on
 * {@code out}, whole, under a lock. Nothing else may write to {@code out}: it is the protocol channel.
 *
 * <p>The transport reads from the start, while the server is still being built on another thread
 * ({@code ready} completes with the caller once it is). An {@code initialize} that arrives before that is
 * answered at once with {@code greeting} (the result the built server will give); the SDK's session is opened
 * with that same request when the next message needs it. An IDE's handshake so does not wait for the store,
 * the gate and the tools to open. Without a greeting, {@code initialize} waits for the server.
 *
 * <pre>{@code
 * StdioTransport stdio = new StdioTransport(System.in, System.out, ready, greeting);
 * // on another thread: MeshpilotMcp.build(stdio, gate, runner, store, profile); ready.complete(caller);
 * stdio.run(); // returns when stdin ends
 * }</pre>
 */
public final class StdioTransport extends McpEndpoint {
    private static final Logger LOG = Logger.getLogger(StdioTransport.class.getName());

    /** The {@code initialize} result of a server not built yet, for the protocol versions this transport speaks. */
    public interface Greeting {
        McpSchema.InitializeResult answer(McpSchema.InitializeRequest request, List<String> versions);
    }

    private final InputStream in;
    private final OutputStream out;
    private final CompletableFuture<Caller> ready;
    private final Greeting greeting;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Session session;
    /** An {@code initialize} answered with the greeting, not yet passed to the SDK (reader thread only). */
    private McpSchema.JSONRPCRequest greeted;

    private McpSchema.InitializeResult greetedWith;

    /** @param greeting answers an early {@code initialize}; null to wait for the server instead */
    public StdioTransport(InputStream in, OutputStream out, CompletableFuture<Caller> ready, Greeting greeting) {
        this.in = in;
        this.out = out;
        this.ready = ready;
        this.greeting = greeting;
    }

    /**
     * Reads and answers messages until stdin ends, then ends the session.
     *
     * @throws CompletionException when the server could not be built (its cause says why)
     */
    public void run() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    handle(line);
                }
            }
        } finally {
            closeGracefully().block(Duration.ofSeconds(10));
        }
    }

    private void handle(String line) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(JSON, line);
        } catch (IOException | IllegalArgumentException e) {
            write(errorJson(null, -32700, "Parse error: each line must be one JSON-RPC message"));
            return;
        }
        if (message instanceof McpSchema.JSONRPCRequest request
                && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initialize(request);
            return;
        }
        Session s = settled();
        if (message instanceof McpSchema.JSONRPCRequest request) {
            if (s == null && McpSchema.METHOD_PING.equals(request.method())) {
                write(McpSchema.JSONRPCResponse.result(request.id(), java.util.Map.of()));
            } else if (s == null) {
                write(errorJson(request.id(), -32600, "send initialize first"));
            } else {
                request(s, request, new Line(), ready.join());
            }
        } else if (s != null && message instanceof McpSchema.JSONRPCNotification n) {
            notification(s, n, ready.join());
        } else if (s != null && message instanceof McpSchema.JSONRPCResponse r) {
            response(s, r, ready.join());
        }
    }

    private void initialize(McpSchema.JSONRPCRequest request) {
        if (session != null || greeted != null) {
            write(errorJson(request.id(), -32600, "already initialized: one session per stdio connection"));
            return;
        }
        if (greeting != null && !ready.isDone()) {
            McpSchema.InitializeRequest init =
                    JSON.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {});
            greetedWith = greeting.answer(init, protocolVersions());
            greeted = request;
            write(McpSchema.JSONRPCResponse.result(request.id(), greetedWith));
            return;
        }
        Opened opened = open(request);
        write(opened.response());
    }

    /** The session, once the server is ready; opens the SDK's session for a greeted {@code initialize} first. */
    private Session settled() {
        if (greeted != null) {
            Opened opened = open(greeted);
            greeted = null;
            if (!greetedWith.equals(opened.response().result())) {
                LOG.warning("the early initialize answer differs from the server's: " + greetedWith + " vs "
                        + opened.response().result());
            }
        }
        return session;
    }

    private Opened open(McpSchema.JSONRPCRequest request) {
        Opened opened = initialize(request, ready.join());
        session = opened.session();
        // Messages the server sends outside a request (list changes, ...) go out on stdout too.
        opened.session().sdk().listeningStream(new Line());
        return opened;
    }

    private void write(Object message) {
        String json;
        try {
            json = message instanceof String s ? s : JSON.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        writeLock.lock();
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is closed", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** One response stream: every message to stdout; closing it closes nothing (stdout stays open). */
    private final class Line implements McpStreamableServerTransport {
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
            return sendMessage(message);
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> write(message));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return JSON.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        @Override
        public void close() {}
    }
}
