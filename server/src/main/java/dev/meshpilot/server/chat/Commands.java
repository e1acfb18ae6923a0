package dev.meshpilot.server.chat;

import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.AgentInput;
import dev.meshpilot.agents.catalog.AgentOption;
import dev.meshpilot.agents.catalog.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the text of a chat command ({@code triage INC-1001}, {@code anomalies orders}, {@code drift},
 * {@code migrate customers.customer_profile --to contracts/x.odcs.yaml}, {@code search late revenue},
 * {@code incident INC-1001}, {@code help}) against the agent catalog. Deny by default: an id or option value
 * holding anything but letters, digits and {@code . _ : / @ + -} is refused, as is an unknown command or option;
 * every refusal says what would be valid. Thread-safe.
 */
public final class Commands {
    /** The longest command text accepted. */
    public static final int MAX_TEXT = 500;

    static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}._:/@+-]{1,100}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Catalog catalog;

    public Commands(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Parses {@code text} sent with shared file {@code fileId} (null: none): a {@code migrate} without {@code --to}
     * takes the file as its proposed contract ({@code --to file:ID}).
     */
    public ChatCommand parse(String text, String fileId) {
        if (fileId != null && text != null && !text.contains("--to")) {
            String verb = text.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (verb.equals("migrate") || verb.equals("migration")) {
                return parse(text.strip() + " --to " + SharedFiles.PREFIX + fileId);
            }
        }
        return parse(text);
    }

    public ChatCommand parse(String text) {
        if (text == null || text.isBlank()) {
            return new ChatCommand.Help();
        }
        if (text.length() > MAX_TEXT) {
            return new ChatCommand.Refused(
                    "that command is " + text.length() + " characters long; the limit is " + MAX_TEXT + ". " + usage());
        }
        String clean = CONTROL.matcher(text).replaceAll(" ").strip();
        String[] words = clean.split("\\s+");
        String verb = words[0].toLowerCase(Locale.ROOT);
        List<String> rest = List.of(words).subList(1, words.length);
        return switch (verb) {
            case "help", "?" -> new ChatCommand.Help();
            case "search" ->
                rest.isEmpty()
                        ? new ChatCommand.Refused("say what to look for, e.g. `search late revenue`")
                        : new ChatCommand.Search(String.join(" ", rest));
            case "incident" -> incident(rest);
            default -> agent(verb, rest);
        };
    }

    /** The commands there are, one line each, for {@code help} and refusals. */
    public List<String> help() {
        List<String> lines = new ArrayList<>();
        for (AgentDescriptor<?, ?> d : catalog.agents()) {
            lines.add("`" + d.name() + " " + usage(d.input()) + "` — " + d.summary());
        }
        lines.add("`search WORDS` — search products, contracts, runbooks and incidents.");
        lines.add("`incident ID` — show an incident as recorded.");
        lines.add("`help` — this list.");
        return lines;
    }

    /** A run as it would be typed, without {@code --llm}: {@code triage INC-1001}, {@code migrate X --to F}. */
    public String text(ChatCommand.Run run) {
        AgentInput<?> input = catalog.get(run.agent()).input();
        StringBuilder s = new StringBuilder(run.agent());
        String main = run.inputs().get(input.name());
        if (main != null) {
            s.append(' ').append(main);
        }
        for (AgentOption o : input.options()) {
            String v = run.inputs().get(o.name());
            if (v != null) {
                s.append(' ').append(o.flag());
                if (o.kind() != AgentOption.Kind.FLAG) {
                    s.append(' ').append(v);
                }
            }
        }
        return s.toString();
    }

    private ChatCommand incident(List<String> rest) {
        if (rest.size() != 1 || !TOKEN.matcher(rest.get(0)).matches()) {
            return new ChatCommand.Refused("give one incident id, e.g. `incident INC-1001`");
        }
        return new ChatCommand.Incident(rest.get(0));
    }

    private ChatCommand agent(String verb, List<String> rest) {
        Optional<AgentDescriptor<?, ?>> found = catalog.find(verb.equals("migration") ? "migrate" : verb);
        if (found.isEmpty()) {
            return new ChatCommand.Refused("unknown command `" + shown(verb) + "`. " + usage());
        }
        AgentDescriptor<?, ?> d = found.get();
        AgentInput<?> input = d.input();
        Map<String, String> inputs = new HashMap<>();
        boolean llm = false;
        for (int i = 0; i < rest.size(); i++) {
            String w = rest.get(i);
            if (w.equals("--llm")) {
                llm = true;
            } else if (w.startsWith("--")) {
                Optional<AgentOption> o = option(input, w);
                if (o.isEmpty()) {
                    return new ChatCommand.Refused("`" + d.name() + "` has no option `" + shown(w) + "` (options: "
                            + String.join(
                                    ", ",
                                    input.options().stream()
                                            .map(AgentOption::flag)
                                            .toList())
                            + ", --llm)");
                }
                if (o.get().kind() == AgentOption.Kind.FLAG) {
                    inputs.put(o.get().name(), "true");
                    continue;
                }
                if (i + 1 >= rest.size() || !TOKEN.matcher(rest.get(i + 1)).matches()) {
                    return new ChatCommand.Refused("give `" + o.get().flag() + " "
                            + o.get().label() + "`: " + o.get().description());
                }
                inputs.put(o.get().name(), rest.get(++i));
            } else if (!inputs.containsKey(input.name()) && TOKEN.matcher(w).matches()) {
                inputs.put(input.name(), w);
            } else {
                return new ChatCommand.Refused("`" + shown(w) + "` is not a valid " + input.label()
                        + " (letters, digits and . _ : / @ + - only). Usage: `" + d.name() + " " + usage(input) + "`");
            }
        }
        if (!input.optional() && !inputs.containsKey(input.name())) {
            return new ChatCommand.Refused("which one? `" + d.name() + "` needs " + input.label() + ": " + input.hint()
                    + ", e.g. `" + d.name() + " " + usage(input) + "`");
        }
        for (AgentOption o : input.options()) {
            if (o.required() && !inputs.containsKey(o.name())) {
                return new ChatCommand.Refused(
                        "`" + d.name() + "` also needs `" + o.flag() + " " + o.label() + "`: " + o.description());
            }
        }
        return new ChatCommand.Run(d.name(), inputs, llm);
    }

    private static Optional<AgentOption> option(AgentInput<?> input, String flag) {
        return input.options().stream().filter(o -> o.flag().equals(flag)).findFirst();
    }

    private static String usage(AgentInput<?> input) {
        return input.usage();
    }

    private String usage() {
        return "Commands: help, search, incident, "
                + String.join(
                        ", ",
                        catalog.agents().stream().map(AgentDescriptor::name).toList())
                + " (`help` lists them with their inputs)";
    }

    /** Untrusted text echoed back: one line, short, without chat markup characters. */
    static String shown(String s) {
        String one = s.replaceAll("[`<>&*_~|]", "?");
        return one.length() <= 40 ? one : one.substring(0, 39) + "…";
    }
}
