package dev.meshpilot.bench.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code meshpilot} command lines the README and {@code docs/} show a user: every line of a fenced code
 * block or an inline code span that starts with {@code ./meshpilot} or {@code meshpilot} and a known command.
 * Each is reduced to its {@link Shape}: the command words and the options it passes.
 */
final class DocCommands {
    /** A documented command: where it is written, the text, and its shape. */
    record Documented(String where, String text, Shape shape) {}

    /** The command words (e.g. {@code audit tail}) and the set of options a command line passes. */
    record Shape(String command, Set<String> options) {
        boolean covers(Shape documented) {
            // "bench ..." is covered by any bench command
            boolean same = command.equals(documented.command) || command.startsWith(documented.command + " ");
            return same && options.containsAll(documented.options);
        }
    }

    /** Commands whose first positional argument is itself a command word. */
    private static final Set<String> TWO_WORDS = Set.of("audit", "index", "bench");

    private static final Pattern INLINE = Pattern.compile("`((?:\\./)?meshpilot [^`]+)`");
    private static final Pattern START =
            Pattern.compile("^\\s*(?:\\$\\s+)?((?:\\./|/path/to/meshpilot/)?meshpilot\\s.*)$");

    private DocCommands() {}

    /** The documented commands in {@code README.md}, {@code docs/**.md} and the examples' READMEs under {@code root}. */
    static List<Documented> in(Path root, Set<String> known) {
        List<Documented> all = new ArrayList<>();
        for (Path file : files(root)) {
            List<String> lines = read(file);
            boolean fenced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                String where = root.relativize(file) + ":" + (i + 1);
                if (fenced) {
                    Matcher m = START.matcher(joinContinued(lines, i));
                    if (m.matches()) {
                        add(all, where, m.group(1), known);
                    }
                } else {
                    Matcher m = INLINE.matcher(line);
                    while (m.find()) {
                        add(all, where, m.group(1), known);
                    }
                }
            }
        }
        return all;
    }

    private static void add(List<Documented> all, String where, String text, Set<String> known) {
        String cleaned = text.replaceAll("\\s+#.*$", "").replace("\\", " ").strip();
        Shape shape =
                shape(Tokens.split(cleaned).subList(1, Tokens.split(cleaned).size()));
        if (known.contains(shape.command().split(" ")[0])) {
            all.add(new Documented(where, cleaned, shape));
        }
    }

    /** A line ending in a backslash continues on the next one. */
    private static String joinContinued(List<String> lines, int i) {
        StringBuilder sb = new StringBuilder(lines.get(i));
        while (sb.toString().stripTrailing().endsWith("\\") && ++i < lines.size()) {
            sb.setLength(sb.toString().stripTrailing().length() - 1);
            sb.append(' ').append(lines.get(i).strip());
        }
        return sb.toString();
    }

    /** The shape of a command line's arguments (the words after {@code meshpilot}). */
    static Shape shape(List<String> args) {
        if (args.isEmpty()) {
            return new Shape("", Set.of());
        }
        String command = args.get(0);
        if (TWO_WORDS.contains(command) && args.size() > 1 && args.get(1).matches("[a-z][a-z|-]*")) {
            // "index rebuild|sync" documents both; the first stands for them
            command += " " + args.get(1).split("\\|")[0];
        }
        Set<String> options = new TreeSet<>();
        for (String a : args) {
            if (a.startsWith("-") && a.length() > 1 && !a.matches("-\\d.*")) {
                options.add(a.contains("=") ? a.substring(0, a.indexOf('=')) : a);
            }
        }
        return new Shape(command, options);
    }

    private static List<Path> files(Path root) {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        for (String dir : List.of("docs", "examples")) {
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
