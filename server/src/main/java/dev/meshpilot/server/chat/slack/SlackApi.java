package dev.meshpilot.server.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Slack's Web API ({@code chat.postMessage}, {@code chat.update}, {@code users.info}) at the configured base URL,
 * and posts to a {@code response_url} — only one on an allowed host ({@code https}, or {@code http} on a loopback
 * one). Up to {@value #ATTEMPTS} attempts: a 429 waits its {@code Retry-After} (at most {@value #MAX_WAIT_SECONDS}
 * s), a 5xx, a timeout or a refused connection waits a little; {@code invalid_auth} and other API errors are not
 * retried. Returns the outcome, never throws; the bot token goes only into the Authorization header. Thread-safe.
 */
final class SlackApi {
    static final int ATTEMPTS = 3;
    static final int MAX_WAIT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a call came to: ok, the response (null when none), the error in words, and the attempts made. */
    record Outcome(boolean ok, JsonNode response, String error, int attempts) {
        String ts() {
            return response == null ? null : response.path("ts").asText(null);
        }
    }

    private final URI base;
    private final String token;
    private final List<String> responseHosts;
    private final HttpClient http;
    private final Duration timeout;
    private final int attempts;

    SlackApi(URI base, String token, List<String> responseHosts, Duration timeout) {
        this(base, token, responseHosts, timeout, ATTEMPTS);
    }

    /** A client making at most {@code attempts} attempts a call (1: no retry, for look-ups on the request path). */
    SlackApi(URI base, String token, List<String> responseHosts, Duration timeout, int attempts) {
        this.attempts = attempts;
        this.base = base;
        this.token = token;
        this.responseHosts = List.copyOf(responseHosts);
        this.timeout = timeout;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    boolean hasToken() {
        return token != null;
    }

    /** Calls Web API {@code method} (e.g. {@code chat.postMessage}) with a JSON body. */
    Outcome call(String method, ObjectNode body) {
        if (token == null) {
            return new Outcome(false, null, "no bot token (SLACK_BOT_TOKEN) to call " + method, 0);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + method))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return send(method, request, true);
    }

    /** Reads Web API {@code method} with {@code query} (e.g. {@code users.info?user=U…}), as a GET. */
    Outcome read(String method, String query) {
        if (token == null) {
            return new Outcome(false, null, "no bot token (SLACK_BOT_TOKEN) to call " + method, 0);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + method + "?" + query))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return send(method, request, true);
    }

    /** Whether Meshpilot may post to {@code url}: an allowed host, over https (http only on a loopback host). */
    boolean allowed(URI url) {
        if (url == null || url.getHost() == null) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        String hostPort = host + (url.getPort() < 0 ? "" : ":" + url.getPort());
        boolean listed = responseHosts.contains(host) || responseHosts.contains(hostPort);
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        return listed && ("https".equals(url.getScheme()) || ("http".equals(url.getScheme()) && loopback));
    }

    /**
     * Whether a shared file may be fetched from {@code url} with the bot token: on the Web API's own host, or a host
     * (or {@code host:port}) of {@code fileHosts}; over https (http only on a loopback host).
     */
    boolean fileAllowed(URI url, List<String> fileHosts) {
        if (url == null || url.getHost() == null || url.getUserInfo() != null) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        String hostPort = host + (url.getPort() < 0 ? "" : ":" + url.getPort());
        String apiHostPort = base.getHost().toLowerCase(Locale.ROOT) + (base.getPort() < 0 ? "" : ":" + base.getPort());
        boolean listed = hostPort.equals(apiHostPort) || fileHosts.contains(host) || fileHosts.contains(hostPort);
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        return listed && ("https".equals(url.getScheme()) || ("http".equals(url.getScheme()) && loopback));
    }

    /** A download's bytes (null when it failed), and the error in words. */
    record Download(byte[] bytes, String error) {}

    /**
     * Downloads {@code url} (checked by the caller with {@link #fileAllowed}) with the bot token, one attempt, no
     * redirect followed, reading at most {@code max} + 1 bytes so an oversized file is told apart without reading it.
     */
    Download download(URI url, int max) {
        if (token == null) {
            return new Download(null, "no bot token (SLACK_BOT_TOKEN) to read shared files with");
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try {
            HttpResponse<java.io.InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = r.body()) {
                if (r.statusCode() / 100 != 2) {
                    return new Download(
                            null,
                            "the file download answered HTTP " + r.statusCode()
                                    + (r.statusCode() / 100 == 3 ? " (a redirect, not followed)" : ""));
                }
                return new Download(in.readNBytes(max + 1), null);
            }
        } catch (IOException e) {
            return new Download(
                    null, "the file download failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Download(null, "the file download was interrupted");
        }
    }

    /** Posts {@code body} to a {@code response_url}, if its host is allowed. */
    Outcome respond(URI url, ObjectNode body) {
        if (!allowed(url)) {
            return new Outcome(false, null, "response_url host not allowed (MESHPILOT_SLACK_RESPONSE_HOSTS)", 0);
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return send("response_url", request, false);
    }

    private Outcome send(String what, HttpRequest request, boolean webApi) {
        String last = "not sent";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            long waitMillis = 250L * attempt;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status == 429) {
                    long after = r.headers().firstValueAsLong("Retry-After").orElse(1);
                    waitMillis = Math.min(Math.max(after, 0), MAX_WAIT_SECONDS) * 1000L;
                    last = what + ": rate limited (HTTP 429, Retry-After " + after + " s)";
                } else if (status / 100 == 5) {
                    last = what + ": HTTP " + status;
                } else if (status / 100 != 2) {
                    return new Outcome(false, null, what + ": HTTP " + status, attempt);
                } else if (!webApi) {
                    return new Outcome(true, null, null, attempt);
                } else {
                    JsonNode body = JSON.readTree(r.body());
                    if (body.path("ok").asBoolean(false)) {
                        return new Outcome(true, body, null, attempt);
                    }
                    String error = body.path("error").asText("unknown_error");
                    if (!error.equals("ratelimited") && !error.equals("internal_error")) {
                        return new Outcome(false, body, what + ": " + error + advice(error), attempt);
                    }
                    last = what + ": " + error;
                }
            } catch (IOException e) {
                last = what + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, null, what + ": interrupted", attempt);
            }
            if (attempt < attempts && !pause(waitMillis)) {
                return new Outcome(false, null, last + "; interrupted while waiting to retry", attempt);
            }
        }
        return new Outcome(false, null, last + " after " + attempts + " attempts", attempts);
    }

    private static String advice(String error) {
        return switch (error) {
            case "invalid_auth", "not_authed", "token_revoked", "account_inactive" ->
                " (the bot token is not accepted: check SLACK_BOT_TOKEN, or the variable chat.botTokenEnv names)";
            case "channel_not_found", "not_in_channel" -> " (invite the Meshpilot app to the channel)";
            default -> "";
        };
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
