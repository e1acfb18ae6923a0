package dev.meshpilot.agents.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP client under every chat model: one request must be answered in full — headers and body — within
 * its total {@code deadline}, and once the headers are in, the body may not stop for longer than
 * {@code stall}. A JDK client's own timeout covers only the wait for the headers, so a body trickled or
 * stalled after them would hold a run until its wall clock. Fails with a {@link ModelTransportException}
 * ({@code connect}, {@code deadline}, {@code stall}) or a {@link ModelStatusException} (non-2xx, with its
 * {@code Retry-After}). A server-sent event stream is read whole, then its events are delivered. Thread-safe.
 */
final class ModelHttpClient implements HttpClient {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final java.net.http.HttpClient http;
    private final Duration deadline;
    private final Duration stall;

    ModelHttpClient(Duration connectTimeout, Duration deadline, Duration stall) {
        this.http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.deadline = deadline;
        this.stall = stall;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.method(
                request.method().name(),
                request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        Progress progress = new Progress();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(b.build(), progress::handler);
        HttpResponse<byte[]> response = await(pending, progress);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            Duration retryAfter = ModelStatusException.parseRetryAfter(
                    response.headers().firstValue("Retry-After").orElse(null), ZonedDateTime.now(ZoneOffset.UTC));
            throw new ModelStatusException(status, body, retryAfter);
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(body)
                .build();
    }

    /** Waits for the whole response, checking the deadline and the body's progress every few milliseconds. */
    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> pending, Progress progress) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        long step = Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(stall.toNanos() / 4, 250_000_000L));
        while (true) {
            long now = System.nanoTime();
            if (now - end >= 0) {
                progress.cancel(pending);
                throw new ModelTransportException(
                        ModelFailure.Kind.DEADLINE,
                        true,
                        progress.headersIn()
                                ? "model answer not complete within the request deadline of " + seconds(deadline) + " ("
                                        + progress.bytes() + " bytes of the body in)"
                                : "model sent no response within the request deadline of " + seconds(deadline));
            }
            if (progress.headersIn() && now - progress.lastActivity() >= stall.toNanos()) {
                progress.cancel(pending);
                throw new ModelTransportException(
                        ModelFailure.Kind.STALL,
                        true,
                        "model response stalled: nothing for " + seconds(stall) + " after "
                                + (progress.bytes() == 0 ? "its headers" : progress.bytes() + " bytes of the body"));
            }
            try {
                return pending.get(Math.min(step, end - now), TimeUnit.NANOSECONDS);
            } catch (TimeoutException notYet) {
                // check the deadline and the stall again
            } catch (InterruptedException e) {
                progress.cancel(pending);
                Thread.currentThread().interrupt();
                throw new ModelTransportException(ModelFailure.Kind.CONNECT, false, "model request interrupted");
            } catch (ExecutionException e) {
                throw failed(e.getCause(), progress);
            }
        }
    }

    private static ModelTransportException failed(Throwable cause, Progress progress) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                return new ModelTransportException(
                        ModelFailure.Kind.CONNECT,
                        false,
                        "model server cannot be reached (its host name does not resolve)");
            }
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof HttpConnectTimeoutException) {
                return new ModelTransportException(
                        ModelFailure.Kind.CONNECT, true, "model server cannot be reached (connect timed out)");
            }
            if (c instanceof ConnectException) {
                return new ModelTransportException(
                        ModelFailure.Kind.CONNECT, true, "model server cannot be reached (connection refused)");
            }
        }
        String what =
                cause instanceof IOException && cause.getMessage() != null ? cause.getMessage() : String.valueOf(cause);
        return progress.headersIn()
                ? new ModelTransportException(
                        ModelFailure.Kind.STALL, true, "model response broke off after its headers: " + what)
                : new ModelTransportException(ModelFailure.Kind.CONNECT, true, "model connection failed: " + what);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * A server-sent event stream, under the same deadline and stall limits as {@link #execute(HttpRequest)}: the
     * whole body is read first, then its events are handed to {@code listener} in order ({@code onOpen}, each
     * event, {@code onClose}); a failure of the request or of the parser goes to {@code onError}. The agent
     * runtime asks for whole answers, so nothing is lost by not delivering events as they arrive.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        SuccessfulHttpResponse response;
        try {
            response = execute(request);
        } catch (RuntimeException e) {
            listener.onError(e);
            return;
        }
        listener.onOpen(response);
        try (var body = new java.io.ByteArrayInputStream(
                (response.body() == null ? "" : response.body()).getBytes(StandardCharsets.UTF_8))) {
            parser.parse(body, listener);
        } catch (IOException | RuntimeException e) {
            listener.onError(e);
            return;
        }
        listener.onClose();
    }
}
