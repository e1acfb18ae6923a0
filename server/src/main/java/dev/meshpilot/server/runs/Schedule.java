package dev.meshpilot.server.runs;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A schedule of {@code meshpilot serve}: run {@code agent} over {@code scope} as the service principal
 * {@code runAs} at the fire times of a five-field cron expression in a time zone. A fire time up to {@code grace}
 * late still runs; an older one follows the misfire policy. New and resolved findings go to {@code webhook} (a URL,
 * or null for none). {@code options} are the agent's options by name (anomalies: {@code window: P1D}). Immutable.
 */
public record Schedule(
        String name,
        String agent,
        String scope,
        String cron,
        ZoneId timeZone,
        String runAs,
        Misfire misfire,
        Duration grace,
        URI webhook,
        java.util.Map<String, String> options) {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    /** What to do with a fire time found later than its grace (the server was down, or busy). */
    public enum Misfire {
        /** Record it as missed and wait for the next fire time (default). */
        skip,
        /** Run the latest missed fire time once, now; older ones are recorded as nothing. */
        run_once
    }

    public Schedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(runAs, "runAs");
        misfire = misfire == null ? Misfire.skip : misfire;
        grace = grace == null ? Duration.ofMinutes(5) : grace;
        options = options == null ? java.util.Map.of() : java.util.Map.copyOf(options);
        parse(cron);
    }

    /** A schedule without agent options. */
    public Schedule(
            String name,
            String agent,
            String scope,
            String cron,
            ZoneId timeZone,
            String runAs,
            Misfire misfire,
            Duration grace,
            URI webhook) {
        this(name, agent, scope, cron, timeZone, runAs, misfire, grace, webhook, null);
    }

    /**
     * The parsed cron expression.
     *
     * @throws IllegalArgumentException naming what is wrong with a five-field expression
     */
    static Cron parse(String cron) {
        if (cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("a five-field cron expression is required, e.g. \"0 6 * * *\"");
        }
        try {
            return PARSER.parse(cron.strip()).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + cron + "' is not a five-field cron expression (minute hour day-of-month month "
                            + "day-of-week, e.g. \"0 6 * * *\"): " + e.getMessage(),
                    e);
        }
    }

    private ExecutionTime times() {
        return ExecutionTime.forCron(parse(cron));
    }

    /** The latest fire time at or before {@code now}. */
    public Optional<Instant> last(Instant now) {
        var at = now.atZone(timeZone);
        if (times().isMatch(at.withSecond(0).withNano(0))
                && !at.withSecond(0).withNano(0).toInstant().isAfter(now)) {
            return Optional.of(at.withSecond(0).withNano(0).toInstant());
        }
        return times().lastExecution(at).map(z -> z.toInstant());
    }

    /** The next {@code n} fire times after {@code from}, in order. */
    public List<Instant> next(Instant from, int n) {
        List<Instant> out = new ArrayList<>();
        var at = from.atZone(timeZone);
        ExecutionTime t = times();
        for (int i = 0; i < n; i++) {
            var next = t.nextExecution(at);
            if (next.isEmpty()) {
                break;
            }
            out.add(next.get().toInstant());
            at = next.get();
        }
        return out;
    }
}
