package dev.meshpilot.server.chat.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers what was seen (request signatures, event ids) for twice the signature window, so a request replayed
 * inside the window is refused and an event Slack retries is answered once. Bounded: past {@value #MAX} entries the
 * expired ones are dropped, and if none are, the oldest are. Thread-safe.
 */
final class ReplayCache {
    static final int MAX = 100_000;

    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long keepMillis;

    ReplayCache(Clock clock, Duration keep) {
        this.clock = clock;
        this.keepMillis = keep.toMillis();
    }

    /** Whether {@code key} is new (and now remembered); false when it was seen within the keep time. */
    boolean first(String key) {
        long now = clock.millis();
        if (seen.size() >= MAX) {
            seen.values().removeIf(t -> t < now - keepMillis);
            if (seen.size() >= MAX) {
                seen.clear(); // a flood of valid signatures: the window check still refuses old ones
            }
        }
        Long before = seen.putIfAbsent(key, now);
        if (before == null) {
            return true;
        }
        if (before < now - keepMillis) {
            seen.put(key, now);
            return true;
        }
        return false;
    }
}
