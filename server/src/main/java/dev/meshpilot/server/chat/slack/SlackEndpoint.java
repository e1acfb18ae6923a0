package dev.meshpilot.server.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /slack/commands}, {@code /slack/events} and {@code /slack/interactivity}. Each request is read raw (at
 * most the configured size: else 413), must have Slack's content type (else 415), a valid v0 signature inside the
 * window (else 401) and a signature not seen before (else 401, a replay); every refusal is audited. Then it is
 * acknowledged at once and the work goes to {@link SlackConversation} on its own thread. Thread-safe.
 */
final class SlackEndpoint implements HttpService {
    static final String SIGNATURE = "X-Slack-Signature";
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackSignature signature;
    private final ReplayCache replays;
    private final ReplayCache events;
    private final ChatAudit audit;
    private final SlackConversation conversation;
    private final int maxBody;

    SlackEndpoint(
            SlackSignature signature,
            ReplayCache replays,
            ReplayCache events,
            ChatAudit audit,
            SlackConversation conversation,
            int maxBody) {
        this.signature = signature;
        this.replays = replays;
        this.events = events;
        this.audit = audit;
        this.conversation = conversation;
        this.maxBody = maxBody;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(
                        "/commands",
                        (req, res) -> verified(req, res, "application/x-www-form-urlencoded")
                                .ifPresent(body -> conversation.command(form(body), res)))
                .post(
                        "/events",
                        (req, res) -> verified(req, res, "application/json").ifPresent(body -> event(body, req, res)))
                .post(
                        "/interactivity",
                        (req, res) -> verified(req, res, "application/x-www-form-urlencoded")
                                .ifPresent(body ->
                                        conversation.action(json(form(body).get("payload")), res)));
    }

    private void event(String body, ServerRequest req, ServerResponse res) {
        JsonNode e = json(body);
        switch (e.path("type").asText()) {
            case "url_verification" -> {
                res.header(HeaderNames.CONTENT_TYPE, "text/plain");
                res.send(e.path("challenge").asText(""));
            }
            case "event_callback" -> {
                String id = e.path("event_id").asText("");
                if (!id.isEmpty() && !events.first(id)) {
                    res.status(Status.OK_200).send(); // Slack retried an event already answered
                    return;
                }
                conversation.event(e.path("event"), res);
            }
            default -> res.status(Status.OK_200).send();
        }
    }

    /** The raw body when the request is Slack's; otherwise the refusal is sent and audited, and empty returned. */
    private Optional<String> verified(ServerRequest req, ServerResponse res, String type) {
        String path = req.path().absolute().path();
        String contentType =
                req.headers().first(HeaderNames.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith(type)) {
            return refuse(res, path, Status.UNSUPPORTED_MEDIA_TYPE_415, "content type must be " + type);
        }
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(maxBody + 1);
        } catch (IOException | RuntimeException e) {
            return refuse(res, path, Status.BAD_REQUEST_400, "unreadable body");
        }
        if (body.length > maxBody) {
            return refuse(res, path, Status.REQUEST_ENTITY_TOO_LARGE_413, "body over " + maxBody + " bytes");
        }
        String sig = req.headers().first(HeaderNames.create(SIGNATURE)).orElse(null);
        Optional<String> problem = signature.problem(
                req.headers().first(HeaderNames.create(TIMESTAMP)).orElse(null), sig, body);
        if (problem.isPresent()) {
            return refuse(res, path, Status.UNAUTHORIZED_401, problem.get());
        }
        if (!replays.first(sig)) {
            return refuse(res, path, Status.UNAUTHORIZED_401, "replayed request (signature already seen)");
        }
        return Optional.of(new String(body, StandardCharsets.UTF_8));
    }

    private Optional<String> refuse(ServerResponse res, String path, Status status, String reason) {
        audit.refused(path, status.code(), reason);
        res.status(status).header(HeaderNames.CONTENT_TYPE, "text/plain").send(reason);
        return Optional.empty();
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    out.putIfAbsent(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // a malformed pair is skipped; the signature already vouched for the sender
                }
            }
        }
        return out;
    }

    static JsonNode json(String text) {
        try {
            return text == null ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
