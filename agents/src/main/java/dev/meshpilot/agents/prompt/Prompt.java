package dev.meshpilot.agents.prompt;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of an agent's prompt: id and version ({@code triage@v2}), what it is for, model parameters, a
 * changelog, and the template body. {@code sha256} is the hash of the whole file, recorded in every report
 * made with it. Immutable.
 *
 * <pre>{@code
 * String text = prompt.render(Map.of("incident", "INC-1001", "tools", toolList));
 * }</pre>
 */
public record Prompt(
        String id,
        int version,
        String description,
        Map<String, Object> model,
        List<String> changelog,
        String body,
        String sha256,
        String source) {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-zA-Z][a-zA-Z0-9_]*)\\s*}}");

    public Prompt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        model = Map.copyOf(model);
        changelog = List.copyOf(changelog);
    }

    /** {@code id@vN}, as reports and the CLI name it. */
    public String ref() {
        return id + "@v" + version;
    }

    /** The variables the body uses, sorted. */
    public Set<String> variables() {
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The body with every {@code {{name}}} replaced by its value's text.
     *
     * @throws IllegalArgumentException naming every variable the body uses that {@code values} lacks
     */
    public String render(Map<String, ?> values) {
        Set<String> missing = new TreeSet<>(variables());
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("prompt " + ref() + " (" + source + ") needs variables " + missing
                    + "; given " + new TreeSet<>(values.keySet()));
        }
        Matcher m = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A model parameter from the front matter ({@code temperature}, {@code maxOutputTokens}), if set. */
    public Double number(String name) {
        Object v = model.get(name);
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
