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
import java.util.concurrent.locks.ReentrantLock;
import reactor.core.publisher.Mono;

/**
 * MCP over stdio: one session, for one principal, on newline-delimited JSON-RPC. Requests run concurrently
 * (so a {@code notifications/cancelled} can reach one in flight); every message goes out as one line on
 * {@code out}, whole, under a lock. Nothing else may write to {@code out}: it is the protocol channel.
 *
 * <pre>{@code
 * StdioTransport stdio = new StdioTransport(System.in, System.out, caller);
 * MeshpilotMcp.build(stdio, gate, store, McpProfile.STANDARD);
 * stdio.run(); // returns when stdin ends
 * }</pre>
 */
public final class StdioTransport extends McpEndpoint {
    private final InputStream in;
    private final OutputStream out;
    private final Caller caller;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Session session;

    public StdioTransport(InputStream in, OutputStream out, Caller caller) {
        this.in = in;
        this.out = out;
        this.caller = caller;
    }

    /** Reads and answers messages until stdin ends, then ends the session. */
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
        Session s = session;
        if (message instanceof McpSchema.JSONRPCRequest request) {
            if (McpSchema.METHOD_INITIALIZE.equals(request.method())) {
                initialize(request, s);
            } else if (s == null && McpSchema.METHOD_PING.equals(request.method())) {
                write(McpSchema.JSONRPCResponse.result(request.id(), java.util.Map.of()));
            } else if (s == null) {
                write(errorJson(request.id(), -32600, "send initialize first"));
            } else {
                request(s, request, new Line(), caller);
            }
        } else if (s != null && message instanceof McpSchema.JSONRPCNotification n) {
            notification(s, n, caller);
        } else if (s != null && message instanceof McpSchema.JSONRPCResponse r) {
            response(s, r, caller);
        }
    }

    private void initialize(McpSchema.JSONRPCRequest request, Session current) {
        if (current != null) {
            write(errorJson(request.id(), -32600, "already initialized: one session per stdio connection"));
            return;
        }
        Opened opened = initialize(request, caller);
        session = opened.session();
        write(opened.response());
        // Messages the server sends outside a request (list changes, ...) go out on stdout too.
        opened.session().sdk().listeningStream(new Line());
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
