package dev.meshpilot.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finding of an answer that has no incident yet and can be opened as one: the report it came from
 * ({@code anomalies}, {@code drift}), the product, the kind ({@code drop}, {@code stale}; a drift finding's level)
 * and the metric ({@code row_count}; a drift finding's policy). Only these fields of the report make the incident's
 * text and fingerprint, never free text of the mesh. Its button value is the four words, parsed back like typed text,
 * so a forged value is refused. Immutable.
 */
public record Opening(String report, String product, String kind, String metric) {
    /** The reports whose findings can be opened as incidents. */
    static final List<String> REPORTS = List.of("anomalies", "drift");

    /** At most this many findings of one answer get a button. */
    static final int MAX = 3;

    /** The button's value: {@code anomalies orders.orders_daily drop row_count}. */
    public String value() {
        return report + " " + product + " " + kind + " " + metric;
    }

    /** What makes two presses the same problem: a second press counts on the open incident. */
    public String fingerprint() {
        return "chat:" + report + ":" + product + ":" + metric + ":" + kind;
    }

    public String title() {
        return product + " " + metric + " " + kind + " (" + report + ")";
    }

    /** A button value read back; empty unless it is four valid words naming a known report. */
    public static Optional<Opening> parse(String value) {
        String[] w = value == null ? new String[0] : value.strip().split(" ");
        if (w.length != 4 || !REPORTS.contains(w[0])) {
            return Optional.empty();
        }
        for (String s : w) {
            if (!Commands.TOKEN.matcher(s).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Opening(w[0], w[1], w[2], w[3]));
    }

    /** The findings of {@code agent}'s report without an incident (alerted anomaly groups, drift deny/warn). */
    static List<Opening> of(String agent, JsonNode report) {
        List<Opening> out = new ArrayList<>();
        if (agent.equals("anomalies")) {
            for (JsonNode g : report.path("groups")) {
                if (g.path("incidents").isEmpty()) {
                    JsonNode root = g.path("root");
                    add(out, "anomalies", root.path("product"), root.path("kind"), root.path("metric"));
                }
            }
        } else if (agent.equals("drift")) {
            for (JsonNode f : report.path("findings")) {
                String level = f.path("level").asText();
                if ((level.equals("deny") || level.equals("warn"))
                        && !f.path("state").asText().equals("excepted")) {
                    add(out, "drift", f.path("asset"), f.path("level"), f.path("policy"));
                }
            }
        }
        return out;
    }

    private static void add(List<Opening> out, String report, JsonNode product, JsonNode kind, JsonNode metric) {
        Optional<Opening> o = parse(report + " " + product.asText() + " " + kind.asText() + " " + metric.asText());
        if (o.isPresent() && !out.contains(o.get()) && out.size() < MAX) {
            out.add(o.get());
        }
    }
}
