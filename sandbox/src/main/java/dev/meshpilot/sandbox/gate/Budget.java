package dev.meshpilot.sandbox.gate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts calls per run and per principal per minute (a sliding window); thread-safe. */
final class Budget {
    private final Limits limits;
    private final ConcurrentHashMap<String, AtomicInteger> perRun = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Deque<Long>> perPrincipal = new ConcurrentHashMap<>();

    Budget(Limits limits) {
        this.limits = limits;
    }

    /** Takes one call from the budgets, or says which budget is spent (and takes nothing). */
    String take(String principal, String runId, long nowNanos) {
        Deque<Long> window = perPrincipal.computeIfAbsent(principal, p -> new ArrayDeque<>());
        synchronized (window) {
            long minuteAgo = nowNanos - 60_000_000_000L;
            while (!window.isEmpty() && window.peekFirst() < minuteAgo) {
                window.pollFirst();
            }
            if (window.size() >= limits.maxCallsPerMinute()) {
                return principal + " made " + window.size() + " calls in the last minute (limit "
                        + limits.maxCallsPerMinute() + "); wait and retry";
            }
            AtomicInteger run = perRun.computeIfAbsent(runId, r -> new AtomicInteger());
            if (run.incrementAndGet() > limits.maxCallsPerRun()) {
                run.decrementAndGet();
                return "run " + runId + " has used its " + limits.maxCallsPerRun() + " tool calls";
            }
            window.addLast(nowNanos);
            return null;
        }
    }

    /** Forgets a finished run's count. */
    void endRun(String runId) {
        perRun.remove(runId);
    }
}
