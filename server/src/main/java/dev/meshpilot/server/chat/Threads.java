package dev.meshpilot.server.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One thread per incident and channel: the first answer about an incident in a channel starts its thread, later
 * ones (a re-run, another person's triage, a scheduled notification) go into it; and the threads Meshpilot
 * started, so a follow-up message in one is answered. Keeps the latest {@value #MAX}. Thread-safe.
 */
public final class Threads {
    static final int MAX = 10_000;

    private final Map<String, String> byIncident = bounded();
    private final Map<String, Boolean> ours = bounded();

    public synchronized Optional<String> of(String channel, String incident) {
        return incident == null ? Optional.empty() : Optional.ofNullable(byIncident.get(channel + "|" + incident));
    }

    /** Records that {@code thread} in {@code channel} is Meshpilot's, and about {@code incident} when not null. */
    public synchronized void started(String channel, String thread, String incident) {
        ours.put(channel + "|" + thread, true);
        if (incident != null) {
            byIncident.putIfAbsent(channel + "|" + incident, thread);
        }
    }

    public synchronized boolean isOurs(String channel, String thread) {
        return thread != null && ours.containsKey(channel + "|" + thread);
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX;
            }
        };
    }
}
