package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.chat.slack.SlackChat;
import dev.meshpilot.server.config.ChatSettings;
import dev.meshpilot.server.config.ConfigLoader;
import dev.meshpilot.server.config.ContractSettings;
import dev.meshpilot.server.config.ModelSettings;
import dev.meshpilot.server.config.ScheduleSettings;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.http.HttpServing;
import dev.meshpilot.server.mcp.McpHttp;
import dev.meshpilot.server.runs.Schedule;
import dev.meshpilot.server.runs.ScheduledRuns;
import dev.meshpilot.server.runs.Scheduler;
import dev.meshpilot.server.runs.SchedulerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshpilot serve}: runs the HTTP server until interrupted, then shuts down gracefully. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve HTTP: health, metrics, the OpenLineage endpoint, the REST API and MCP at /mcp.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML config file (see docs/configuration.md).")
    Path config;

    @Option(names = "--port", description = "Override the port (0 picks a free one).")
    Integer port;

    @Option(names = "--host", description = "Override the bind address (default 127.0.0.1).")
    String host;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ContractSettings.load(config, System.getenv()); // a wrong contracts.odcsSchema fails now, not on a later load
        serve(
                resolve(config, port, host),
                ScheduleSettings.load(config),
                home.home(),
                home.withConfig(config).openStore(),
                spec.commandLine().getOut(),
                null,
                ModelSettings.load(config, System.getenv()),
                ChatSettings.load(config, System.getenv()));
        return 0;
    }

    static ServerConfig resolve(Path config, Integer port, String host) {
        ServerConfig c = ConfigLoader.load(config, System.getenv());
        c = port == null ? c : c.withPort(port);
        return host == null ? c : c.withHost(host);
    }

    private static java.nio.file.Path home(MeshStore store) {
        return store.file().toAbsolutePath().getParent();
    }

    /** Starts the server, prints where it listens (and {@code hints}), and blocks until the JVM stops. */
    static void serve(ServerConfig config, Path homeDir, MeshStore store, PrintWriter out, String hints)
            throws InterruptedException {
        serve(
                config,
                SchedulerConfig.NONE,
                homeDir,
                store,
                out,
                hints,
                ModelSettings.load(null, System.getenv()),
                ChatSettings.load(null, System.getenv()));
    }

    /**
     * {@link #serve} with the schedules of the config file running in this process (docs/configuration.md) and,
     * with {@code model}, the MCP agent tools taking {@code mode: llm}.
     */
    static void serve(
            ServerConfig config,
            SchedulerConfig schedules,
            Path homeDir,
            MeshStore store,
            PrintWriter out,
            String hints,
            java.util.Optional<dev.meshpilot.agents.model.ModelConfig> model,
            ChatSettings chat)
            throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<SlackChat> slack =
                new java.util.concurrent.atomic.AtomicReference<>();
        HttpServing server = HttpServing.start(
                config,
                homeDir,
                store,
                (c, sandbox, s, auth) -> McpHttp.open(c, sandbox, s, auth, model),
                chat.enabled()
                        ? (sandbox, s) -> {
                            slack.set(SlackChat.open(chat, sandbox, s, model, java.time.Clock.systemUTC()));
                            return slack.get();
                        }
                        : null);
        Scheduler scheduler;
        try {
            scheduler = new Scheduler(
                    schedules,
                    store,
                    SchedulesCommand.owner(),
                    java.time.Clock.systemUTC(),
                    ScheduledRuns.through(server.sandbox(), schedules),
                    slack.get() == null ? null : slack.get().notifier());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            scheduler.close();
                            server.close();
                            stopped.countDown();
                        },
                        "meshpilot-shutdown"));
        String base = "http://" + config.host() + ":" + server.port();
        out.printf("Meshpilot is serving %s on %s%n", store.location().describe(), base);
        out.printf("  %s/health   %s/metrics   %s/api/v1/products   POST %s/api/v1/lineage%n", base, base, base, base);
        if (config.rest().anonymousPrincipal() != null) {
            out.printf(
                    "  REST calls without a token act for '%s' (rest.anonymousPrincipal; this machine only)%n",
                    config.rest().anonymousPrincipal());
        }
        out.printf("  MCP (Streamable HTTP): %s%s%n", base, McpHttp.PATH);
        if (slack.get() != null) {
            out.printf(
                    "  Slack: POST %s/slack/commands, /slack/events, /slack/interactivity (bot token %s)%n",
                    base, chat.botToken() == null ? "not set: answers go through response_url" : "set");
        }
        if (hints != null) {
            out.print(hints.replace("{base}", base));
        }
        for (Schedule sc : schedules.schedules()) {
            out.printf(
                    "  schedule %s: %s %s as %s, cron \"%s\" %s, next %s%n",
                    sc.name(),
                    sc.agent(),
                    sc.scope(),
                    sc.runAs(),
                    sc.cron(),
                    sc.timeZone(),
                    sc.next(java.time.Instant.now(), 1));
        }
        scheduler.start();
        warmSeries(server.sandbox(), out);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
    }

    /**
     * Reads every product's metric series into memory on a low-priority background thread, so the first anomaly
     * sweep (often a scheduled one) does not read them all from the store (docs/tools.md#scan_metrics).
     */
    private static void warmSeries(dev.meshpilot.server.wiring.Sandbox sandbox, java.io.PrintWriter out) {
        var mesh = sandbox.mesh();
        java.util.List<String> ids = mesh.productViews().list().stream()
                .map(dev.meshpilot.mesh.view.ProductView::id)
                .toList();
        if (ids.isEmpty()) {
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        mesh.histories().warm(ids);
                    } catch (RuntimeException e) {
                        // the store closed at shutdown, or a read failed: sweeps read from the store as before
                        System.err.println("meshpilot: reading anomaly series into memory stopped: " + e.getMessage());
                    }
                },
                "meshpilot-series-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        out.printf("  anomaly series: reading %,d products into memory in the background%n", ids.size());
    }
}
