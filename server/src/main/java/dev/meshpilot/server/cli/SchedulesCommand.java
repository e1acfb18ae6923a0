package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.schedule.FireRecord;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.server.config.ScheduleSettings;
import dev.meshpilot.server.runs.Schedule;
import dev.meshpilot.server.runs.ScheduledRuns;
import dev.meshpilot.server.runs.Scheduler;
import dev.meshpilot.server.runs.SchedulerConfig;
import dev.meshpilot.server.wiring.Sandbox;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshpilot schedules --config F}: the schedules of a server config with their next fire times and recent
 * history; {@code --run NAME} runs one now, through the same claim as the server's scheduler (so a fire time runs
 * once even with {@code meshpilot serve} running on the same home).
 */
@Command(
        name = "schedules",
        mixinStandardHelpOptions = true,
        description = "Show the schedules of a server config: next fire times and history; --run NAME runs one now.")
final class SchedulesCommand extends StoreCommand {
    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "The server config with schedules:.")
    Path config;

    @Option(names = "--next", defaultValue = "3", description = "How many next fire times to show (default 3).")
    int next;

    @Option(names = "--history", defaultValue = "5", description = "How many past fire times to show (default 5).")
    int history;

    @Option(names = "--run", paramLabel = "NAME", description = "Run this schedule now and record it.")
    String run;

    /** This process as a lease owner: host and pid. */
    static String owner() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    @Override
    public Integer call() {
        SchedulerConfig sc = ScheduleSettings.load(config);
        MeshStore store = home.withConfig(config).openStore();
        if (run != null) {
            try (Sandbox sandbox = Sandbox.open(home.home(), store, Limits.DEFAULT)) {
                try (Scheduler s =
                        new Scheduler(sc, store, owner(), Clock.systemUTC(), ScheduledRuns.through(sandbox, sc))) {
                    Scheduler.Outcome o = s.runNow(run);
                    if (format == Format.json) {
                        Output.json(out(), o);
                    } else {
                        out().println(o.schedule() + " at " + o.fireTime() + ": " + o.what()
                                + (o.runId() == null ? "" : " as " + o.runId()) + " — " + o.detail());
                    }
                    out().flush();
                    return o.what().equals("done") ? 0 : 1;
                }
            }
        }
        try (Scheduler s = new Scheduler(sc, store, owner(), Clock.systemUTC(), x -> {
            throw new IllegalStateException("not running");
        })) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Schedule sched : sc.schedules()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", sched.name());
                m.put("agent", sched.agent());
                m.put("scope", sched.scope());
                m.put("cron", sched.cron());
                m.put("timeZone", sched.timeZone().getId());
                m.put("runAs", sched.runAs());
                m.put("misfire", sched.misfire().name().replace('_', '-'));
                m.put(
                        "next",
                        s.preview(sched.name(), next).stream()
                                .map(Object::toString)
                                .toList());
                m.put("history", s.history(sched.name(), history));
                rows.add(m);
            }
            if (format == Format.json) {
                Output.json(out(), rows);
            } else if (rows.isEmpty()) {
                out().println("No schedules in " + config + " (see docs/configuration.md#schedules).");
            } else {
                for (Map<String, Object> m : rows) {
                    out().println(m.get("name") + ": " + m.get("agent") + " " + m.get("scope") + " as "
                            + m.get("runAs") + ", cron \"" + m.get("cron") + "\" " + m.get("timeZone")
                            + ", misfire " + m.get("misfire"));
                    out().println("  next: " + String.join(", ", castList(m.get("next"))));
                    for (Object o : (List<?>) m.get("history")) {
                        FireRecord r = (FireRecord) o;
                        out().println("  " + r.fireTime() + " " + r.status()
                                + (r.runId() == null ? "" : " " + r.runId())
                                + (r.error() == null ? "" : " (" + r.error() + ")")
                                + (r.notified() == null ? "" : " — notify: " + r.notified()));
                    }
                }
            }
            out().flush();
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }
}
