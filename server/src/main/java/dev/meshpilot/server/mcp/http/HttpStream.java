package dev.meshpilot.server.mcp.http;

import dev.meshpilot.server.mcp.McpEndpoint;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import reactor.core.publisher.Mono;

/**
 * One MCP stream over HTTP: what the SDK sends on it is logged (the last {@value #MAX_EVENTS} messages) and
 * written to the HTTP response by the handler thread that {@link #serve}s it, so writes never race. A POST's
 * stream answers plain JSON when its first message is the response; otherwise it becomes SSE, opened with a
 * priming event and a {@code retry} hint. Each SSE event has the id {@code <stream>-<n>}: a client that lost
 * the connection resumes with {@code Last-Event-ID} and gets every message after {@code n}, including those
 * sent while it was away. Thread-safe.
 */
final class HttpStream implements McpStreamableServerTransport {
    static final int MAX_EVENTS = 1000;
    private static final int RETRY_MILLIS = 1000;

    private record Event(String json, boolean response) {}

    final String id = UUID.randomUUID().toString().replace("-", "");
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Event> events = new ArrayList<>();
    private long dropped;
    private long delivered;
    private boolean closed;
    private long generation;

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
        return sendMessage(message);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> append(new Event(json(message), message instanceof McpSchema.JSONRPCResponse)));
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return McpEndpoint.JSON.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the stream is closed and every message reached a client: nothing left to resume. */
    boolean finished() {
        lock.lock();
        try {
            return closed && delivered >= dropped + events.size();
        } finally {
            lock.unlock();
        }
    }

    /** The position after event {@code <id>-<n>}, or -1 when {@code lastEventId} is not of this stream. */
    long positionAfter(String lastEventId) {
        String prefix = id + "-";
        if (lastEventId == null || !lastEventId.startsWith(prefix)) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Writes this stream to {@code res} from position {@code from} until it closes, the client goes, or another
     * connection takes it over; blocks the calling (handler) thread meanwhile. {@code json}: a first message that
     * is the response goes out as plain JSON.
     */
    void serve(ServerResponse res, long from, boolean json, Duration heartbeat, Runnable touch) {
        long gen;
        lock.lock();
        try {
            gen = ++generation;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        long next = from;
        if (json) {
            Event first = await(next, gen, null);
            if (first == null) {
                res.status(Status.ACCEPTED_202).send();
                return;
            }
            if (first.response()) {
                res.header(HeaderValues.CONTENT_TYPE_JSON);
                res.send(first.json().getBytes(StandardCharsets.UTF_8));
                markDelivered(next + 1);
                return;
            }
        }
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        try (OutputStream out = res.outputStream()) {
            write(out, "id: " + id + "-" + next + "\nretry: " + RETRY_MILLIS + "\ndata: \n\n");
            while (true) {
                Event e = await(next, gen, heartbeat);
                if (e == null) {
                    if (!isCurrent(gen) || isClosedAt(next)) {
                        return;
                    }
                    write(out, ": keep-alive\n\n");
                    touch.run();
                    continue;
                }
                next++;
                write(out, "id: " + id + "-" + next + "\nevent: message\ndata: " + e.json() + "\n\n");
                markDelivered(next);
            }
        } catch (IOException | UncheckedIOException e) {
            // The client went away; the log keeps what it missed for a resumption.
        }
    }

    /** The event at {@code position}, or null on close, takeover or (with a heartbeat) after waiting that long. */
    private Event await(long position, long gen, Duration heartbeat) {
        lock.lock();
        try {
            long deadline = heartbeat == null ? Long.MAX_VALUE : System.nanoTime() + heartbeat.toNanos();
            while (gen == generation && position >= dropped + events.size() && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                changed.await(Math.min(left, TimeUnit.SECONDS.toNanos(60)), TimeUnit.NANOSECONDS);
            }
            if (gen != generation || position >= dropped + events.size()) {
                return null;
            }
            return events.get((int) (Math.max(position, dropped) - dropped));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    private boolean isCurrent(long gen) {
        lock.lock();
        try {
            return gen == generation;
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosedAt(long position) {
        lock.lock();
        try {
            return closed && position >= dropped + events.size();
        } finally {
            lock.unlock();
        }
    }

    private void append(Event e) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            events.add(e);
            if (events.size() > MAX_EVENTS) {
                events.remove(0);
                dropped++;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void markDelivered(long position) {
        lock.lock();
        try {
            delivered = Math.max(delivered, position);
        } finally {
            lock.unlock();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String json(Object message) {
        try {
            return McpEndpoint.JSON.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
