package dev.meshpilot.server.chat.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.server.chat.ChatRequest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rewrites an answer's placeholder every {@code every} with how long the answer has been running, until stopped; a
 * tick never lands after the answer (stopping waits for a tick in flight). Thread-safe.
 */
final class ProgressTicker {
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slack-progress");
        t.setDaemon(true);
        return t;
    });

    private final SlackApi api;
    private final ScheduledFuture<?> ticks;
    private final long started = System.nanoTime();
    private boolean stopped;

    ProgressTicker(SlackApi api, ChatRequest req, String placeholder, String label, Duration every) {
        this.api = api;
        long ms = every.toMillis();
        this.ticks = TICKER.scheduleAtFixedRate(() -> tick(req, placeholder, label), ms, ms, TimeUnit.MILLISECONDS);
    }

    private synchronized void tick(ChatRequest req, String placeholder, String label) {
        if (stopped) {
            return;
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        ObjectNode m = SlackMessages.say(
                "⏳ " + BlockKit.escape(label) + " for <@" + req.user() + ">… still running (" + seconds + " s)");
        m.put("channel", req.channel()).put("ts", placeholder);
        api.call("chat.update", m);
    }

    synchronized void stop() {
        stopped = true;
        ticks.cancel(false);
    }
}
