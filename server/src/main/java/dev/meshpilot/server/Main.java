package dev.meshpilot.server;

import dev.meshpilot.server.cli.MeshpilotCommand;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The entry point of the {@code meshpilot} command. */
public final class Main {
    /**
     * Libraries that log what a user cannot act on, on every start or model load; held so the settings are not
     * garbage-collected with the loggers. The ODCS schema uses keywords the validator does not know (it warns
     * once per keyword per start); Lucene says its vector kernels are off or on (the JVM would print its own
     * warning for {@code --add-modules jdk.incubator.vector}, docs/search.md); DJL, loading the tokenizer,
     * warns that there is no GPU and says where it found its native library. Their errors still show.
     */
    private static final List<Logger> QUIET = List.of(
            Logger.getLogger("com.networknt"),
            Logger.getLogger("org.apache.lucene.internal.vectorization"),
            Logger.getLogger("ai.djl"),
            Logger.getLogger("ai.onnxruntime"));

    private Main() {}

    public static void main(String[] args) {
        offline();
        OrtTempFolder.removeOnExit();
        System.exit(MeshpilotCommand.run(args));
    }

    /**
     * Nothing leaves the machine unless a user configured it: keep DJL from calling home; quiet the libraries.
     * Also called by the bench jar's entry point.
     */
    public static void offline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        QUIET.forEach(l -> l.setLevel(Level.SEVERE));
    }
}
