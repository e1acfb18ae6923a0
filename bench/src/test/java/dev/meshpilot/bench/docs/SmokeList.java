package dev.meshpilot.bench.docs;

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
    /** What the smoke run does with an entry. */
    enum Kind {
        /** Run the command to its end; check the exit code and the text. */
        RUN,
        /** Start the serving command, GET the path in the text (200 expected), then stop it. */
        SERVE,
        /** Do not run it; the text says why. */
        SKIP
    }

    /**
     * A line: {@code EXIT | TEXT | ARGUMENTS}, {@code serve | PATH | ARGUMENTS} or {@code skip | REASON |
     * ARGUMENTS}. Arguments may end in {@code <<< LINES}: what the command reads on stdin, one line per
     * {@code \n}.
     */
    record Entry(int line, Kind kind, int exit, String text, String command) {
        DocCommands.Shape shape() {
            return DocCommands.shape(Tokens.split(arguments()));
        }

        String arguments() {
            int i = command.indexOf(" <<< ");
            return i < 0 ? command : command.substring(0, i);
        }

        String stdin() {
            int i = command.indexOf(" <<< ");
            return i < 0 ? "" : command.substring(i + 5).replace("\\n", "\n") + "\n";
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
                    throw new IllegalStateException(
                            "commands.txt:" + (i + 1)
                                    + ": want EXIT | TEXT | ARGUMENTS (or serve | PATH | ARGUMENTS, skip | REASON | ARGUMENTS)");
                }
                Kind kind = switch (parts[0]) {
                    case "skip" -> Kind.SKIP;
                    case "serve" -> Kind.SERVE;
                    default -> Kind.RUN;
                };
                int exit = kind == Kind.RUN ? Integer.parseInt(parts[0]) : -1;
                entries.add(new Entry(i + 1, kind, exit, parts[1], parts[2]));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
