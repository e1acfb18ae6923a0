package dev.meshpilot.server.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The smoke list ({@code smoke/commands.txt}): the documented commands the launcher runs against the demo
 * mesh, each with the exit code and a piece of output it must give, and the documented commands it does not
 * run, each with the reason.
 */
final class SmokeList {
    /** A line: {@code run} with its exit code and expected text, or a skip with its reason. */
    record Entry(int line, boolean skip, int exit, String text, String command) {
        DocCommands.Shape shape() {
            return DocCommands.shape(Tokens.split(command));
        }

        @Override
        public String toString() {
            return "commands.txt:" + line + ": meshpilot " + command;
        }
    }

    private SmokeList() {}

    static List<Entry> read() {
        try (InputStream in = SmokeList.class.getResourceAsStream("/smoke/commands.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s*\\|\\s*", 3);
                if (parts.length != 3) {
                    throw new IllegalStateException("commands.txt:" + (i + 1) + ": want EXIT | TEXT | COMMAND");
                }
                boolean skip = parts[0].equals("skip");
                entries.add(new Entry(i + 1, skip, skip ? -1 : Integer.parseInt(parts[0]), parts[1], parts[2]));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
