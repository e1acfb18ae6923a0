package dev.meshpilot.server;

import dev.meshpilot.server.cli.MeshpilotCommand;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The entry point of the {@code meshpilot} command. */
public final class Main {
    /** Held so the settings are not garbage-collected with the logger. */
    private static final Logger SCHEMA_LOG = Logger.getLogger("com.networknt");

    private Main() {}

    public static void main(String[] args) {
        offline();
        System.exit(MeshpilotCommand.run(args));
    }

    /**
     * Nothing leaves the machine unless a user configured it: keep DJL from calling home. Also called by the
     * bench jar's entry point.
     */
    public static void offline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        // The ODCS schema uses keywords the validator does not know; it warns once per keyword per start.
        SCHEMA_LOG.setLevel(Level.SEVERE);
    }
}
