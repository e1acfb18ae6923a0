package dev.meshpilot.bench.docs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ./meshpilot} launcher of a checkout, run as a user runs it: with a home of its own
 * ({@code MESHPILOT_HOME}), never rebuilding (the jar is the one {@code package} just made), without the
 * start-up cache (its training takes seconds and changes no behaviour).
 */
final class Launcher {
    private static final long TIMEOUT_SECONDS = 300;
    private static final Executor READERS =
            Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
    private static final Pattern SERVING = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)");

    /** What a run gave. */
    record Result(List<String> args, int exit, String out, String err) {
        @Override
        public String toString() {
            return "meshpilot " + String.join(" ", args) + "\n--- exit " + exit + "\n--- stdout\n" + out
                    + "\n--- stderr\n" + err;
        }
    }

    private final Path root;
    private final Path work;
    private final Path home;

    Launcher(Path root, Path work) {
        this.root = root;
        this.work = work;
        this.home = work.resolve("home");
    }

    /** A fresh folder under the scratch space, for commands that need one. */
    String scratch(String name) {
        return work.resolve(name).toString();
    }

    /** The words of a smoke-list command with its placeholders filled in. */
    List<String> arguments(String command) {
        return Tokens.split(command).stream()
                .map(w -> w.replace(
                                "{demo}", root.resolve("examples/acme-retail").toString())
                        .replace("{root}", root.toString())
                        .replace(
                                "{smoke}",
                                root.resolve("bench/src/test/resources/smoke").toString())
                        .replace("{home}", home.toString())
                        .replace("{tmp}", work.toString()))
                .toList();
    }

    /**
     * Runs {@code args} to its end with {@code stdin} as its input. Input of JSON-RPC requests (an MCP session
     * over stdio) stays open until every request with an id has its answer, as a client's would; then closing
     * it ends the session.
     */
    Result run(List<String> args, String stdin) {
        try {
            Process p = start(args);
            OutputStream in = p.getOutputStream();
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
            in.flush();
            long requests = stdin.lines().filter(l -> l.contains("\"id\":")).count();
            if (requests == 0) {
                in.close();
            }
            // own threads: the common pool has one thread on two cores, and each reader blocks until the end
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(p.getErrorStream()), READERS);
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> answers(p, requests), READERS);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("meshpilot " + args + " did not end in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(args, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Everything {@code p} prints; closes its input once {@code requests} answers have come. */
    private static String answers(Process p, long requests) {
        StringBuilder sb = new StringBuilder();
        long answered = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                sb.append(line).append('\n');
                if (requests > 0 && line.startsWith("{") && line.contains("\"id\":") && ++answered == requests) {
                    p.getOutputStream().close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** A server the launcher started, stopped (as Ctrl-C does) when closed. */
    record Server(Process process, String base) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts {@code args} (a serving command) and waits until it prints where it listens. */
    Server serve(List<String> args) throws IOException {
        Process p = start(args);
        p.getOutputStream().close();
        CompletableFuture.runAsync(() -> drain(p), READERS);
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line; (line = lines.readLine()) != null; ) {
            seen.add(line);
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                CompletableFuture.runAsync(() -> lines.lines().forEach(l -> {}), READERS);
                return new Server(p, m.group(1));
            }
        }
        throw new AssertionError("meshpilot " + args + " ended without serving:\n" + String.join("\n", seen));
    }

    private Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("meshpilot").toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = pb.environment();
        env.put("MESHPILOT_HOME", home.toString());
        env.put("MESHPILOT_BUILD", "never");
        env.put("MESHPILOT_AOT", "0");
        env.remove("MESHPILOT_MCP_PRINCIPAL");
        env.remove("MESHPILOT_MODEL_PROVIDER");
        Files.createDirectories(work);
        return pb.start();
    }

    private static void drain(Process p) {
        try {
            p.getErrorStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static String text(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
