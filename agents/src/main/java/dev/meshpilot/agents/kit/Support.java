package dev.meshpilot.agents.kit;

import dev.meshpilot.agents.runtime.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What evidence may support one kind of claim: which tools' results (none named: any tool's), and which texts
 * the result must contain (a product id, a runbook step). Only a call that returned data supports anything:
 * a denied or failed call supports nothing. {@code kind} names it in what a dropped claim lacked, e.g.
 * {@code a run, check, metric or schema of orders.order_events}.
 *
 * <pre>{@code
 * Support cause = Support.from("a run, check, metric or schema", "recent_runs", "quality_results")
 *         .mentioning(c.product());
 * boolean ok = cause.supportedBy(evidence);
 * }</pre>
 */
public record Support(String kind, Set<String> tools, List<String> mentions) {
    public Support {
        Objects.requireNonNull(kind, "kind");
        tools = Set.copyOf(tools);
        mentions = List.copyOf(mentions);
    }

    /** Any call of this run that returned data. */
    public static Support anyData() {
        return new Support("a tool result with data", Set.of(), List.of());
    }

    /** A result of one of {@code tools} with data. */
    public static Support from(String kind, String... tools) {
        return new Support(kind, Set.of(tools), List.of());
    }

    /** This support, also requiring the result to contain each non-blank text (case and spacing ignored). */
    public Support mentioning(String... texts) {
        List<String> m = new ArrayList<>(mentions);
        StringBuilder k = new StringBuilder(kind);
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                m.add(t);
                k.append(m.size() == 1 ? " containing " : " and ")
                        .append('"')
                        .append(clip(t))
                        .append('"');
            }
        }
        return new Support(k.toString(), tools, m);
    }

    /** Whether {@code e} returned data from an accepted tool and contains every required text. */
    public boolean supportedBy(Evidence e) {
        if (!e.hasData() || (!tools.isEmpty() && !tools.contains(e.tool()))) {
            return false;
        }
        if (mentions.isEmpty()) {
            return true;
        }
        String text = EvidenceText.of(e);
        return mentions.stream().allMatch(m -> text.contains(normal(m)));
    }

    /** Lower case, Markdown emphasis and code marks removed, runs of white space as one space. */
    static String normal(String s) {
        return s.replace("**", "")
                .replace("`", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
