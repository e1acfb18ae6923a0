package dev.meshpilot.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.server.runs.Schedule;
import dev.meshpilot.server.runs.SchedulerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@code schedules:} and {@code scheduler:} sections of the server config (docs/configuration.md):
 *
 * <pre>
 * schedules:
 *   - name: nightly-drift              # required, unique
 *     agent: drift                     # a catalog agent (meshpilot agents)
 *     scope: mesh                      # the agent's input (default mesh)
 *     cron: "0 6 * * *"                # five fields: minute hour day-of-month month day-of-week
 *     timeZone: Europe/Berlin          # default UTC
 *     runAs: meshpilot-scheduler       # a service principal; every tool call goes through the gate as it
 *     misfire: skip                    # skip (default) or run-once
 *     grace: PT5M                      # how late a fire time may still run (default PT5M)
 *     webhook: http://127.0.0.1:9000/hooks/drift   # optional: new and resolved findings are POSTed here
 * scheduler:
 *   lease: PT2M                        # a claimed fire time's lease (default PT2M)
 *   heartbeat: PT30S                   # how often its owner renews it (default PT30S, at most lease/2)
 *   tick: PT15S                        # how often due fire times are looked for (default PT15S)
 * </pre>
 *
 * Errors name the file and the field, e.g. {@code schedules[0].cron}. Agents and principals are checked when the
 * scheduler starts, against the catalog and the loaded mesh.
 */
public final class ScheduleSettings {
    private static final List<String> KEYS =
            List.of("name", "agent", "scope", "cron", "timeZone", "runAs", "misfire", "grace", "webhook", "options");
    private static final List<String> SCHEDULER_KEYS = List.of("lease", "heartbeat", "tick");

    private ScheduleSettings() {}

    public static SchedulerConfig load(Path file) {
        if (file == null) {
            return SchedulerConfig.NONE;
        }
        JsonNode root = ConfigLoader.read(file);
        JsonNode list = root.path("schedules");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw ConfigLoader.invalid(file, "schedules", "expected a list of schedules");
        }
        List<Schedule> schedules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "schedules[" + i + "]";
            Schedule s = schedule(file, where, list.get(i));
            if (!names.add(s.name())) {
                throw ConfigLoader.invalid(file, where + ".name", "'" + s.name() + "' is used twice");
            }
            schedules.add(s);
        }
        JsonNode sch = root.path("scheduler");
        sch.fieldNames().forEachRemaining(k -> {
            if (!SCHEDULER_KEYS.contains(k)) {
                throw ConfigLoader.invalid(
                        file, "scheduler." + k, "unknown field (valid: " + String.join(", ", SCHEDULER_KEYS) + ")");
            }
        });
        SchedulerConfig d = SchedulerConfig.NONE;
        try {
            return new SchedulerConfig(
                    schedules,
                    duration(file, "scheduler.lease", sch.path("lease"), d.lease()),
                    duration(file, "scheduler.heartbeat", sch.path("heartbeat"), d.heartbeat()),
                    duration(file, "scheduler.tick", sch.path("tick"), d.tick()));
        } catch (IllegalArgumentException e) {
            throw new MeshpilotException(ErrorCode.USAGE, file + ": " + e.getMessage(), e);
        }
    }

    private static Schedule schedule(Path file, String where, JsonNode n) {
        if (!n.isObject()) {
            throw ConfigLoader.invalid(file, where, "expected a mapping with name, agent, cron and runAs");
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw ConfigLoader.invalid(
                        file, where + "." + k, "unknown field (valid: " + String.join(", ", KEYS) + ")");
            }
        });
        String name = required(file, where, n, "name");
        String agent = required(file, where, n, "agent");
        String cron = required(file, where, n, "cron");
        String runAs = required(file, where, n, "runAs");
        ZoneId zone;
        try {
            zone = ZoneId.of(n.path("timeZone").asText("UTC"));
        } catch (DateTimeException e) {
            throw ConfigLoader.invalid(
                    file,
                    where + ".timeZone",
                    "'" + n.path("timeZone").asText()
                            + "' is not a time zone id (e.g. UTC, Europe/Berlin, America/New_York)");
        }
        Schedule.Misfire misfire;
        try {
            misfire = Schedule.Misfire.valueOf(
                    n.path("misfire").asText("skip").replace('-', '_').toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConfigLoader.invalid(
                    file,
                    where + ".misfire",
                    "must be skip or run-once, not '" + n.path("misfire").asText() + "'");
        }
        URI webhook = null;
        if (n.hasNonNull("webhook")) {
            String url = n.path("webhook").asText();
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw ConfigLoader.invalid(file, where + ".webhook", "'" + url + "' is not an http(s) URL");
            }
            webhook = URI.create(url);
        }
        try {
            return new Schedule(
                    name,
                    agent,
                    n.path("scope").asText("mesh"),
                    cron,
                    zone,
                    runAs,
                    misfire,
                    duration(file, where + ".grace", n.path("grace"), Duration.ofMinutes(5)),
                    webhook,
                    options(file, where, n));
        } catch (IllegalArgumentException e) {
            throw ConfigLoader.invalid(file, where + ".cron", e.getMessage());
        }
    }

    /** The agent's options by name: a map of scalars (checked against the agent when {@code serve} starts). */
    private static java.util.Map<String, String> options(Path file, String where, JsonNode n) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        JsonNode o = n.path("options");
        if (o.isMissingNode() || o.isNull()) {
            return out;
        }
        if (!o.isObject()) {
            throw ConfigLoader.invalid(file, where + ".options", "must be a map of option: value (e.g. window: P1D)");
        }
        o.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw ConfigLoader.invalid(file, where + ".options." + e.getKey(), "must be a single value");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    private static String required(Path file, String where, JsonNode n, String key) {
        String v = n.path(key).asText("").strip();
        if (v.isEmpty()) {
            throw ConfigLoader.invalid(file, where + "." + key, "required");
        }
        return v;
    }

    private static Duration duration(Path file, String field, JsonNode v, Duration fallback) {
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(v.asText());
            if (d.isNegative() || d.isZero()) {
                throw ConfigLoader.invalid(file, field, "must be positive, got " + v.asText());
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ConfigLoader.invalid(file, field, "'" + v.asText() + "' is not an ISO-8601 duration (e.g. PT5M)");
        }
    }
}
