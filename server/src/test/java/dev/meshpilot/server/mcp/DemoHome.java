package dev.meshpilot.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.server.cli.MeshpilotCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo mesh loaded once per test JVM into a temporary home, shared by the MCP tests. */
final class DemoHome {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");
    private static Path home;

    private DemoHome() {}

    static synchronized Path get() {
        if (home == null) {
            try {
                Path dir = Files.createTempDirectory("meshpilot-mcp-test");
                StringWriter err = new StringWriter();
                int exit = MeshpilotCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                        .execute("load", DEMO.toString(), "--home", dir.toString());
                assertThat(exit).as(err.toString()).isZero();
                home = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }
}
