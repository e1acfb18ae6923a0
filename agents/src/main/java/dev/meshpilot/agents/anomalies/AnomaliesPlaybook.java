package dev.meshpilot.agents.anomalies;

import static dev.meshpilot.agents.kit.DataChecks.args;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.tools.lineage.DownstreamHop;
import dev.meshpilot.tools.lineage.LineageView;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The deterministic sweep, in order:
 *
 * <ol>
 *   <li>{@code scan_metrics} over the scope, page by page: the detector runs where the metrics live and only the
 *       anomalies cross the gate (with each anomalous product's criticality, owner and downstream count). The
 *       mesh and a domain are scanned whole (a domain's causes may lie upstream of it; its groups are the ones
 *       that touch it); a product is scanned with its lineage three hops up and down, and then what lies two
 *       hops below its anomalous products;
 *   <li>{@code lineage_links} among the anomalous products, and the anomalies grouped along lineage
 *       ({@link Grouping});
 *   <li>{@code list_incidents} once, to link open incidents and set apart what resolved ones explain;
 *   <li>rank by score × impact.
 * </ol>
 */
final class AnomaliesPlaybook {
    static final Duration HISTORY = Duration.ofDays(120);
    static final int LINEAGE_DEPTH = 3;
    static final int ECHO_DEPTH = 2;

    private final ToolBox tools;

    AnomaliesPlaybook(ToolBox tools) {
        this.tools = tools;
    }

    AnomaliesReport run(AnomalyQuery q) {
        Scanned scanned = new Scanned();
        ObjectNode window = JSON.objectNode();
        if (q.until() != null) {
            window.put("until", q.until().toString());
        }
        if (q.since() != null) {
            window.put("since", q.since().toString());
            window.put("historySince", q.since().minus(HISTORY).toString());
        } else if (q.window() != null) {
            window.put("window", q.window().toString());
        }
        Function<Evidence, RuntimeException> refused = e -> refused(e, "cannot sweep " + q.describe());
        Predicate<String> keep = null;
        if (q.scope() != null && q.scope().contains(".")) {
            keep = q.scope()::equals;
            Set<String> neighbourhood = neighbourhood(q.scope());
            scanned.scan(tools, withProducts(window, neighbourhood), refused);
            Set<String> below = below(scanned, neighbourhood);
            if (!below.isEmpty() && scanned.cut == null) {
                scanned.scan(tools, withProducts(window, below), refused);
            }
        } else {
            if (q.scope() != null) {
                domainExists(q.scope());
                String prefix = q.scope() + "."; // product ids are <domain>.<name>
                keep = id -> id.startsWith(prefix);
            }
            scanned.scan(tools, window, refused);
        }
        return new Grouping(tools, scanned, keep, q.describe()).report();
    }

    /** A product and its lineage {@link #LINEAGE_DEPTH} hops up and down. */
    private Set<String> neighbourhood(String product) {
        Evidence p = tools.call("get_data_product", args("id", product), "playbook");
        if (!p.hasData()) {
            throw refused(p, "cannot sweep " + product);
        }
        Set<String> products = new LinkedHashSet<>(List.of(product));
        tools.data(
                        "lineage_upstream",
                        args("product", product).put("depth", LINEAGE_DEPTH).put("limit", 50))
                .ifPresent(u -> u.as(LineageView.UPSTREAM).hops().forEach(h -> products.add(h.product())));
        tools.data(
                        "lineage_downstream",
                        args("product", product).put("depth", LINEAGE_DEPTH).put("limit", 50))
                .ifPresent(d -> d.as(DOWNSTREAM).hops().forEach(h -> products.add(h.product())));
        return products;
    }

    /** Echoes may lie beyond a product's neighbourhood: what lies {@link #ECHO_DEPTH} hops below its anomalies. */
    private Set<String> below(Scanned scanned, Set<String> read) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : scanned.products.keySet()) {
            if (tools.remainingCalls() <= Grouping.RESERVED_CALLS) {
                break;
            }
            tools.data(
                            "lineage_downstream",
                            args("product", p).put("depth", ECHO_DEPTH).put("limit", 50))
                    .ifPresent(d -> d.as(DOWNSTREAM).hops().stream()
                            .map(DownstreamHop::product)
                            .filter(id -> id != null && !read.contains(id))
                            .forEach(out::add));
        }
        return out;
    }

    private void domainExists(String domain) {
        Evidence list = tools.call("list_products", args("domain", domain).put("limit", 1), "playbook");
        if (list.hasData()) {
            return;
        }
        throw list.result().status() == ToolResult.Status.ERROR
                ? new MeshpilotException(
                        ErrorCode.NOT_FOUND,
                        "no domain '" + domain + "' (and no product: product ids look like "
                                + "orders.orders_daily); give a product id, a domain, or nothing for the whole mesh")
                : refused(list, "cannot sweep " + domain);
    }

    private static ObjectNode withProducts(ObjectNode window, Collection<String> products) {
        ObjectNode a = window.deepCopy();
        ArrayNode ids = a.putArray("products");
        products.forEach(ids::add);
        return a;
    }

    private static final TypeReference<LineageView<DownstreamHop>> DOWNSTREAM = new TypeReference<>() {};
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static MeshpilotException refused(Evidence e, String what) {
        ErrorCode code = switch (e.result().status()) {
            case DENIED -> ErrorCode.SANDBOX_DENIED;
            case TIMEOUT -> ErrorCode.TOOL_TIMEOUT;
            default -> ErrorCode.NOT_FOUND;
        };
        return new MeshpilotException(code, what + ": " + e.result().message());
    }
}
