package dev.meshpilot.agents.triage;

import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.mesh.incident.ErrorClassifier;
import dev.meshpilot.tools.lineage.LineageView;
import dev.meshpilot.tools.lineage.UpstreamHop;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What run messages say about a product's inputs: which failing input a chain of "waited for" messages leads to,
 * and whether a message names a product by its id or by its qualified table.
 */
final class RunMessages {
    private RunMessages() {}

    /**
     * The failing ancestors a chain of messages names: the product's own failed run names the input it waited
     * for, that input's failed run names its own, and so on — through messages that say a run waited (or nothing
     * classifiable), never through one of a job's own trouble. When two unrelated failures lie upstream, the one
     * the messages lead to explains this one.
     */
    static java.util.Set<String> named(String message, LineageView<UpstreamHop> lineage, String start) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        String m = message;
        for (int guard = 0; waits(m) && guard < TriagePlaybook.UPSTREAM_DEPTH + 1; guard++) {
            List<String> failing = lineage.hops().stream()
                    .filter(h -> !h.product().equals(start) && !out.contains(h.product()))
                    .filter(h -> h.health() instanceof UpstreamHop.Issue i
                            && i.status().startsWith("failed"))
                    .map(UpstreamHop::product)
                    .toList();
            List<String> known = new ArrayList<>(List.of(start));
            lineage.hops().forEach(h -> known.add(h.product()));
            Optional<String> next = namedIn(m, failing, known);
            if (next.isEmpty()) {
                break;
            }
            out.add(next.get());
            m = TriagePlaybook.issue(lineage, next.get())
                    .map(UpstreamHop.Issue::errorMessage)
                    .orElse(null);
        }
        return out;
    }

    /**
     * Whether a run message may point at an input: it says the run waited (or says nothing classifiable). A
     * message of the job's own trouble — denied on a table, out of memory, a column missing — names the table it
     * read without blaming that table's runs.
     */
    static boolean waits(String message) {
        if (message == null) {
            return false;
        }
        ErrorClass cls = ErrorClassifier.classify(message);
        return cls == ErrorClass.UPSTREAM_LATE || cls == ErrorClass.UNKNOWN;
    }

    /**
     * Whether a (lower-cased) run message names {@code product}: by its id, or — as orchestrators and warehouses
     * write it — by its table, the id's last segment qualified by a namespace or schema ({@code curated/orders},
     * {@code analytics.orders}) and not followed by more of an identifier. A bare word is not a name: "orders"
     * in prose names nothing.
     */
    static boolean names(String lowerMessage, String product) {
        String id = product.toLowerCase(Locale.ROOT);
        return lowerMessage.contains(id) || namesTable(lowerMessage, id);
    }

    /**
     * The first of {@code candidates} a message names: by id first; else by table, in the message with every
     * {@code known} product id taken out — so {@code warehouse.billing.orders}, another product's id, does not name
     * {@code sales.orders} by its table.
     */
    static Optional<String> namedIn(String message, List<String> candidates, List<String> known) {
        String lower = message.toLowerCase(Locale.ROOT);
        Optional<String> byId = candidates.stream()
                .filter(c -> lower.contains(c.toLowerCase(Locale.ROOT)))
                .findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        String bare = lower;
        for (String k : known) {
            bare = bare.replace(k.toLowerCase(Locale.ROOT), " ");
        }
        String rest = bare;
        return candidates.stream()
                .filter(c -> namesTable(rest, c.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    private static boolean namesTable(String lowerMessage, String id) {
        String table = id.substring(id.lastIndexOf('.') + 1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "[./]" + java.util.regex.Pattern.quote(table) + "(?![a-z0-9_])")
                .matcher(lowerMessage);
        return m.find();
    }
}
