package dev.meshpilot.agents.anomalies;

import static dev.meshpilot.agents.kit.DataChecks.args;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.anomalies.detect.DetectorSettings;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.tools.activity.MetricHistory;
import dev.meshpilot.tools.catalog.ProductList;
import dev.meshpilot.tools.lineage.DownstreamHop;
import dev.meshpilot.tools.lineage.LineageView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deterministic sweep, in order:
 *
 * <ol>
 *   <li>the products in scope: {@code list_products} for the mesh or a domain; for a product, it and its
 *       lineage three hops up and down (so its cause and its echoes are seen);
 *   <li>{@code metric_history} per product, every series judged by the detector ({@link ProductScan}), the
 *       metrics of a product that move together folded into one anomaly, and a product whose next run is
 *       overdue reported stale;
 *   <li>{@code lineage_upstream} of every anomalous product, and the anomalies grouped along lineage
 *       ({@link Grouping});
 *   <li>per group root {@code get_data_product} (owner, criticality) and {@code impact} (consumers);
 *       {@code list_incidents} once, to link open incidents and set apart what resolved ones explain;
 *   <li>rank by score × impact.
 * </ol>
 */
final class AnomaliesPlaybook {
    static final Duration WINDOW = Duration.ofDays(7);
    static final Duration HISTORY = Duration.ofDays(120);
    static final int LINEAGE_DEPTH = 3;
    static final int ECHO_DEPTH = 2;
    /** Calls kept back for lineage, owners, impact and incidents when the scope holds many products. */
    static final int RESERVED_CALLS = 20;

    private final ToolBox tools;
    private final DetectorSettings settings;

    AnomaliesPlaybook(ToolBox tools, DetectorSettings settings) {
        this.tools = tools;
        this.settings = settings;
    }

    AnomaliesReport run(AnomalyQuery q) {
        Scope scope = scope(q);
        List<String> scanned = new ArrayList<>();
        List<String> notScanned = new ArrayList<>();
        Map<String, Evidence> histories = new LinkedHashMap<>();
        Instant asOf = q.until();
        for (String p : scope.products) {
            if (tools.remainingCalls() <= RESERVED_CALLS) {
                notScanned.add(p);
                continue;
            }
            ObjectNode a = args("product", p);
            if (q.until() != null) {
                a.put("until", q.until().toString());
            }
            if (q.since() != null) {
                a.put("since", q.since().minus(HISTORY).toString());
            }
            Optional<Evidence> h = tools.data("metric_history", a);
            if (h.isPresent()) {
                histories.put(p, h.get());
                if (asOf == null) {
                    asOf = h.get().as(MetricHistory.class).asOf();
                }
            }
            scanned.add(p);
        }
        Instant until = asOf == null ? Instant.now() : asOf;
        Instant since = q.since() != null ? q.since() : until.minus(q.window() != null ? q.window() : WINDOW);
        Detection detection = new Detection(settings, since, until);
        histories.forEach((p, e) -> detection.product(p, e.as(MetricHistory.class), e.id()));
        if (scope.keep != null) {
            echoesBeyond(detection, scanned, q);
        }
        return new Grouping(tools, detection, scope.keep, q.describe(), since, until)
                .report(scanned, notScanned, Overrides.describe(settings));
    }

    /** Echoes may lie outside a product's or domain's neighbourhood: read what lies below anomalous products. */
    private void echoesBeyond(Detection detection, List<String> scanned, AnomalyQuery q) {
        Set<String> anomalous = new LinkedHashSet<>();
        detection.events.forEach(e -> anomalous.add(e.anomaly().product()));
        for (String p : anomalous) {
            if (tools.remainingCalls() <= RESERVED_CALLS) {
                return;
            }
            Optional<Evidence> down = tools.data(
                    "lineage_downstream",
                    args("product", p).put("depth", ECHO_DEPTH).put("limit", 50));
            if (down.isEmpty()) {
                continue;
            }
            for (DownstreamHop h : down.get().as(DOWNSTREAM).hops()) {
                if (scanned.contains(h.product()) || tools.remainingCalls() <= RESERVED_CALLS) {
                    continue;
                }
                ObjectNode a = args("product", h.product())
                        .put("until", detection.until().toString());
                if (q.since() != null) {
                    a.put("since", q.since().minus(HISTORY).toString());
                }
                tools.data("metric_history", a)
                        .ifPresent(e -> detection.product(h.product(), e.as(MetricHistory.class), e.id()));
                scanned.add(h.product());
            }
        }
    }

    /** The products to read and those whose groups the report keeps (null: all). */
    private record Scope(List<String> products, Set<String> keep) {}

    private Scope scope(AnomalyQuery q) {
        if (q.scope() != null && q.scope().contains(".")) {
            String product = q.scope();
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
                    .ifPresent(d -> {
                        LineageView<DownstreamHop> down = d.as(DOWNSTREAM);
                        down.hops().forEach(h -> products.add(h.product()));
                    });
            return new Scope(List.copyOf(products), Set.of(product));
        }
        ObjectNode a = JSON.objectNode().put("limit", 200);
        if (q.scope() != null) {
            a.put("domain", q.scope());
        }
        Evidence list = tools.call("list_products", a, "playbook");
        if (!list.hasData()) {
            throw list.result().status() == dev.meshpilot.sandbox.tool.ToolResult.Status.ERROR
                    ? new MeshpilotException(
                            ErrorCode.NOT_FOUND,
                            "no domain '" + q.scope() + "' (and no product: product ids look like "
                                    + "orders.orders_daily); give a product id, a domain, or nothing for the whole mesh")
                    : refused(list, "cannot sweep " + q.describe());
        }
        List<String> products = list.as(ProductList.class).products().stream()
                .map(dev.meshpilot.mesh.view.ProductView::id)
                .toList();
        if (q.scope() == null) {
            return new Scope(products, null);
        }
        // a domain's anomalies may start upstream of it: read its products' ancestors too
        Set<String> read = new LinkedHashSet<>(products);
        for (String p : products) {
            if (tools.remainingCalls() > RESERVED_CALLS + products.size()) {
                tools.data(
                                "lineage_upstream",
                                args("product", p).put("depth", LINEAGE_DEPTH).put("limit", 50))
                        .ifPresent(u -> u.as(LineageView.UPSTREAM).hops().forEach(h -> read.add(h.product())));
            }
        }
        return new Scope(List.copyOf(read), Set.copyOf(products));
    }

    private static final TypeReference<LineageView<DownstreamHop>> DOWNSTREAM = new TypeReference<>() {};
    private static final com.fasterxml.jackson.databind.node.JsonNodeFactory JSON =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

    private static MeshpilotException refused(Evidence e, String what) {
        ErrorCode code = switch (e.result().status()) {
            case DENIED -> ErrorCode.SANDBOX_DENIED;
            case TIMEOUT -> ErrorCode.TOOL_TIMEOUT;
            default -> ErrorCode.NOT_FOUND;
        };
        return new MeshpilotException(code, what + ": " + e.result().message());
    }
}
