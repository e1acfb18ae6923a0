package dev.meshpilot.bench.replicas;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shipped two-replica example ({@code examples/replicas}) on free ports: two {@code ./meshpilot serve}
 * processes of the packaged jar on one PostgreSQL store, HAProxy with the example's own configuration in front.
 * Every process's output goes to a file in {@code work}; {@link #close()} stops what is still running.
 */
final class ReplicaSet implements AutoCloseable {
    static final Duration START = Duration.ofSeconds(120);

    private final Path root;
    private final Path work;
    private final PostgresTarget store;
    private final List<Process> processes = new ArrayList<>();
    final int frontPort;
    final int[] replicaPorts;
    final Process[] replicas = new Process[2];

    ReplicaSet(Path root, Path work, PostgresTarget store) throws IOException {
        this.root = root;
        this.work = work;
        this.store = store;
        this.frontPort = freePort();
        this.replicaPorts = new int[] {freePort(), freePort()};
    }

    /** The balancer's base URL. */
    String front() {
        return "http://127.0.0.1:" + frontPort;
    }

    /**
     * Loads the demo into both homes, starts both replicas with the example's configuration as {@code editConfig}
     * changes it, then HAProxy, and waits until it serves.
     */
    void start(java.util.function.UnaryOperator<String> editConfig) throws Exception {
        for (int i = 0; i < 2; i++) {
            Process load = launch(
                    "load-" + i, "load", root.resolve("examples/acme-retail").toString(), "--home", home(i));
            if (!load.waitFor(START.toSeconds(), TimeUnit.SECONDS) || load.exitValue() != 0) {
                throw new AssertionError("load " + i + " failed: " + output("load-" + i));
            }
        }
        for (int i = 0; i < 2; i++) {
            String name = i == 0 ? "replica-a.yaml" : "replica-b.yaml";
            String config = Files.readString(root.resolve("examples/replicas").resolve(name))
                    .replace("port: " + (8081 + i), "port: " + replicaPorts[i]);
            Path file = work.resolve(name);
            Files.writeString(file, editConfig.apply(config));
            replicas[i] = launch("replica-" + i, "serve", "--config", file.toString(), "--home", home(i));
        }
        String haproxy = Files.readString(root.resolve("examples/replicas/haproxy.cfg"))
                .replace("127.0.0.1:8080", "127.0.0.1:" + frontPort)
                .replace("127.0.0.1:8081", "127.0.0.1:" + replicaPorts[0])
                .replace("127.0.0.1:8082", "127.0.0.1:" + replicaPorts[1]);
        Path cfg = work.resolve("haproxy.cfg");
        Files.writeString(cfg, haproxy);
        ProcessBuilder pb = new ProcessBuilder(haproxyBinary(), "-db", "-f", cfg.toString());
        pb.redirectErrorStream(true).redirectOutput(work.resolve("haproxy.out").toFile());
        processes.add(pb.start());
        for (int i = 0; i < 2; i++) {
            awaitHealthy("http://127.0.0.1:" + replicaPorts[i], "replica-" + i);
        }
        awaitHealthy(front(), "haproxy");
    }

    /** The home of replica {@code i}. */
    String home(int i) {
        return work.resolve("home-" + i).toString();
    }

    /** Runs {@code ./meshpilot args} against the shared store to its end; its exit code. */
    int run(String name, String... args) throws Exception {
        Process p = launch(name, args);
        if (!p.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("meshpilot " + String.join(" ", args) + " did not end");
        }
        return p.exitValue();
    }

    /** What process {@code name} printed. */
    String output(String name) throws IOException {
        Path f = work.resolve(name + ".out");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    private Process launch(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(root.resolve("meshpilot").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().putAll(store.environment());
        pb.environment().put("MESHPILOT_BUILD", "never");
        pb.environment().put("MESHPILOT_AOT", "0");
        pb.redirectErrorStream(true).redirectOutput(work.resolve(name + ".out").toFile());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private void awaitHealthy(String base, String name) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            for (Process p : processes) {
                if (!p.isAlive() && p.exitValue() != 0) {
                    throw new AssertionError("a process ended before " + name + " was healthy: " + output(name));
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " not healthy within " + START + ": " + output(name));
    }

    /** The haproxy binary on the PATH or in /usr/sbin, or null when there is none. */
    static String haproxyBinary() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "haproxy");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
