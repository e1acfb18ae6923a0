package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * What a user sees of an unexpected failure (anything but a {@link dev.meshpilot.core.MeshpilotException}): one
 * line on stderr with the error code {@link ErrorCode#INTERNAL} and where the stack trace went, exit 3. The
 * trace is appended to {@code <home>/logs/meshpilot.log} when the home folder exists (else to {@code
 * meshpilot-<user>.log} in the temp folder), or printed on stderr with {@code --debug} or {@code
 * MESHPILOT_DEBUG=1}.
 */
final class Failures {
    static final String DEBUG_OPTION = "--debug";

    private Failures() {}

    /** Reports {@code e}, thrown by {@code command} run against {@code home}, and returns the exit code. */
    static int report(Throwable e, String command, Path home, boolean debug, PrintWriter err) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
        String line = "error [" + ErrorCode.INTERNAL.wireName() + "]: meshpilot " + command + " failed unexpectedly ("
                + what + ")";
        if (debug || debugFromEnvironment()) {
            err.println(line);
            e.printStackTrace(err);
        } else {
            Path log = logFile(home);
            try {
                append(log, command, e);
                err.println(line + "; details in " + log + " (or rerun with --debug)");
            } catch (IOException | RuntimeException io) {
                err.println(line + "; the log " + log + " cannot be written (" + io.getMessage() + "), so here:");
                e.printStackTrace(err);
            }
        }
        err.flush();
        return ErrorCode.INTERNAL.exitCode();
    }

    static boolean debugFromEnvironment() {
        String v = System.getenv("MESHPILOT_DEBUG");
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    /** {@code <home>/logs/meshpilot.log} when the home exists (nothing else is created), else the temp folder. */
    static Path logFile(Path home) {
        if (home != null && Files.isDirectory(home)) {
            return home.resolve("logs").resolve("meshpilot.log");
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "meshpilot-" + user + ".log");
    }

    private static void append(Path log, String command, Throwable e) throws IOException {
        Files.createDirectories(log.getParent());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Files.writeString(
                log,
                Instant.now() + " meshpilot " + command + " failed:\n" + trace + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
