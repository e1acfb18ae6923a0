package dev.meshpilot.sandbox.gate;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts calls per run and per principal in the last minute. The minute is 60 one-second buckets per
 * principal, so memory stays constant however high the limit. A run's count is forgotten by
 * {@link #endRun} or after {@link #RUN_IDLE_NANOS} without a call. Thread-safe.
 */
final class Budget {
    static final long RUN_IDLE_NANOS = 3_600_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final int SWEEP_EVERY = 4096;

    private static final class Run {
        final AtomicInteger calls = new AtomicInteger();
        volatile long lastCall;
    }

    private static final class Minute {
        final long[] second = new long[60];
        final int[] calls = new int[60];

        int count(long nowSecond) {
            int sum = 0;
            for (int i = 0; i < 60; i++) {
                sum += second[i] > nowSecond - 60 ? calls[i] : 0;
            }
            return sum;
        }

        void add(long nowSecond) {
            int i = (int) Math.floorMod(nowSecond, 60L);
            if (second[i] != nowSecond) {
                second[i] = nowSecond;
                calls[i] = 0;
            }
            calls[i]++;
        }
    }

    private final Limits limits;
    private final ConcurrentHashMap<String, Run> runs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Minute> principals = new ConcurrentHashMap<>();
    private final AtomicLong takes = new AtomicLong();

    Budget(Limits limits) {
        this.limits = limits;
    }

    /** Takes one call from the budgets, or says which budget is spent (and takes nothing). */
    String take(String principal, String runId, long nowNanos) {
        if (takes.incrementAndGet() % SWEEP_EVERY == 0) {
            runs.values().removeIf(r -> nowNanos - r.lastCall > RUN_IDLE_NANOS);
        }
        long nowSecond = Math.floorDiv(nowNanos, SECOND);
        Minute minute = principals.computeIfAbsent(principal, p -> new Minute());
        synchronized (minute) {
            int recent = minute.count(nowSecond);
            if (recent >= limits.maxCallsPerMinute()) {
                return principal + " made " + recent + " calls in the last minute (limit " + limits.maxCallsPerMinute()
                        + "); wait and retry";
            }
            Run run = runs.computeIfAbsent(runId, r -> new Run());
            run.lastCall = nowNanos;
            if (run.calls.incrementAndGet() > limits.maxCallsPerRun()) {
                run.calls.decrementAndGet();
                return "run " + runId + " has used its " + limits.maxCallsPerRun() + " tool calls";
            }
            minute.add(nowSecond);
            return null;
        }
    }

    /** Forgets a finished run's count. */
    void endRun(String runId) {
        runs.remove(runId);
    }
}
