package dev.meshpilot.server.chat.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Slack user's e-mail from {@code users.info} (scope {@code users:read.email}), for {@code chat.matchEmail}: users
 * without a {@code slack:} id map to the user principal with that e-mail. Answers are kept for an hour, "unknown"
 * for five minutes, so a busy channel does not call Slack per message. A failed call is logged and audited, and the
 * user stays unmapped. Thread-safe.
 */
final class SlackEmails {
    static final Duration KEEP = Duration.ofHours(1);
    static final Duration KEEP_UNKNOWN = Duration.ofMinutes(5);
    static final int MAX = 10_000;

    private record Known(Optional<String> email, long until) {}

    private final SlackApi api;
    private final ChatAudit audit;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    SlackEmails(SlackApi api, ChatAudit audit, Clock clock) {
        this.api = api;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<String> of(String user) {
        long now = clock.millis();
        Known k = known.get(user);
        if (k != null && k.until() > now) {
            return k.email();
        }
        if (!user.matches("[UW][A-Z0-9]{2,20}")) {
            return Optional.empty();
        }
        SlackApi.Outcome o = api.read("users.info", "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
        Optional<String> email = Optional.empty();
        if (o.ok()) {
            email = Optional.ofNullable(o.response()
                            .path("user")
                            .path("profile")
                            .path("email")
                            .asText(null))
                    .filter(e -> !e.isBlank());
        } else {
            audit.failed("slack:" + user, "slack users.info", o.error());
        }
        if (known.size() >= MAX) {
            known.clear();
        }
        known.put(user, new Known(email, now + (email.isPresent() ? KEEP : KEEP_UNKNOWN).toMillis()));
        return email;
    }
}
