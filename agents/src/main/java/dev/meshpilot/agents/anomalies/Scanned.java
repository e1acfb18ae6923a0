package dev.meshpilot.agents.anomalies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Anomaly;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.tools.anomaly.MetricAnomaly;
import dev.meshpilot.tools.anomaly.MetricScan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the sweep read through {@code scan_metrics}, page by page: every anomaly with the evidence id of its page,
 * the anomalous products' criticality, owner and downstream count, and how much of the scope was judged. Not
 * thread-safe.
 */
final class Scanned {
    /** One product's anomaly at one moment, with its families and run cycle. */
    record Event(Anomaly anomaly, int families, long cycle) {}

    /** An anomalous product as the scan described it, and the evidence id it came in. */
    record Info(MetricScan.Product product, String evidence) {}

    final List<Event> events = new ArrayList<>();
    final Map<String, Info> products = new LinkedHashMap<>();
    Instant asOf;
    Instant since;
    Instant until;
    int inScope;
    int judged;
    int series;
    int points;
    int shortHistory;
    int excludedPoints;
    Map<String, Object> settings = Map.of();
    /** Null while everything asked for was judged; else why not. */
    String cut;

    /**
     * Scans every page of {@code args}. A refusal of the sweep's very first page is thrown as {@code refused}
     * makes it; a later refusal, the budget running out or a page the gate cut ends the scan with {@link #cut}.
     */
    void scan(ToolBox tools, ObjectNode args, Function<Evidence, RuntimeException> refused) {
        String cursor = null;
        boolean firstPage = true;
        do {
            ObjectNode a = args.deepCopy();
            if (cursor != null) {
                a.put("cursor", cursor);
            }
            if (!firstPage && tools.remainingCalls() <= Grouping.RESERVED_CALLS) {
                cut = "the run's tool budget ran out";
                return;
            }
            Evidence e = tools.call("scan_metrics", a, "playbook");
            if (!e.hasData()) {
                if (asOf == null) {
                    throw refused.apply(e);
                }
                cut = "scan_metrics stopped: " + e.result().message();
                return;
            }
            if (e.result().status() == ToolResult.Status.TRUNCATED) {
                cut = "the gate cut a page of scan_metrics to its limits (gate.maxItems, gate.maxBytes)";
            }
            MetricScan page = e.as(MetricScan.class);
            if (firstPage) {
                inScope += page.inScope();
            }
            firstPage = false;
            add(page, e.id());
            cursor = page.nextCursor();
        } while (cursor != null && cut == null);
    }

    /** Whether every product asked for was judged. */
    boolean complete() {
        return cut == null && judged >= inScope;
    }

    private void add(MetricScan page, String evidence) {
        asOf = page.asOf();
        since = page.since();
        until = page.until();
        judged += page.judged();
        series += page.series();
        points += page.points();
        shortHistory += page.shortHistory();
        excludedPoints += page.excludedPoints();
        settings = page.settings();
        for (MetricScan.Product p : page.products()) {
            products.putIfAbsent(p.product(), new Info(p, evidence));
            for (MetricAnomaly m : p.anomalies()) {
                events.add(new Event(anomaly(m, evidence), m.families(), m.cycle()));
            }
        }
    }

    private static Anomaly anomaly(MetricAnomaly m, String evidence) {
        return new Anomaly(
                m.product(),
                m.family(),
                m.metric(),
                m.column(),
                m.kind(),
                m.since(),
                m.observed(),
                m.expected(),
                m.low(),
                m.high(),
                m.score(),
                m.training(),
                m.threshold(),
                m.seasonal(),
                m.alsoMoved(),
                m.recent(),
                List.of(evidence));
    }
}
