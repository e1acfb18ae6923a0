package dev.meshpilot.server.runs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A test clock that runs {@code factor} times faster than the wall clock from {@code base} at wall-clock
 * {@code startMillis}, so that two processes given the same three numbers agree on the time and a five-field
 * (once a minute) cron schedule fires every {@code 60 / factor} real seconds.
 */
final class FastClock extends Clock {
    private final Instant base;
    private final long startMillis;
    private final long factor;

    FastClock(Instant base, long startMillis, long factor) {
        this.base = base;
        this.startMillis = startMillis;
        this.factor = factor;
    }

    @Override
    public Instant instant() {
        return base.plusMillis((System.currentTimeMillis() - startMillis) * factor);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
