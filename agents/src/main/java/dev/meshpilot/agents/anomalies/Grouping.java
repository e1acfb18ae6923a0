package dev.meshpilot.agents.anomalies;

import static dev.meshpilot.agents.kit.DataChecks.args;

import dev.meshpilot.agents.anomalies.AnomaliesReport.Anomaly;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Echo;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Group;
import dev.meshpilot.agents.anomalies.Detection.ProductEvent;
import dev.meshpilot.agents.anomalies.detect.LineageGrouper;
import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.mesh.view.IncidentView;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.tools.incidents.IncidentList;
import dev.meshpilot.tools.lineage.ImpactView;
import dev.meshpilot.tools.lineage.LineageView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a detection into the report: anomalous products' ancestors ({@code lineage_upstream}), groups along
 * lineage ({@link LineageGrouper}), the root's owner and consumers, open incidents linked and resolved ones
 * that explain a group, then the ranking by score × impact.
 */
final class Grouping {
    static final int UPSTREAM_DEPTH = 6;
    /** Incidents are listed from a day before the window. */
    static final Duration INCIDENT_SLACK = Duration.ofDays(1);

    static final double SCORE_CAP = 100;

    private final ToolBox tools;
    private final Detection detection;
    private final Set<String> keep;
    private final String scope;
    private final Instant since;
    private final Instant until;

    Grouping(ToolBox tools, Detection detection, Set<String> keep, String scope, Instant since, Instant until) {
        this.tools = tools;
        this.detection = detection;
        this.keep = keep;
        this.scope = scope;
        this.since = since;
        this.until = until;
    }

    AnomaliesReport report(List<String> scanned, List<String> notScanned, Map<String, Object> settings) {
        List<ProductEvent> events = detection.events;
        Map<String, Map<String, Integer>> ancestors = new HashMap<>();
        Map<String, String> lineageEvidence = new HashMap<>();
        for (ProductEvent e : events) {
            String p = e.anomaly().product();
            if (ancestors.containsKey(p) || tools.remainingCalls() <= 2) {
                continue;
            }
            Map<String, Integer> up = new HashMap<>();
            tools.data(
                            "lineage_upstream",
                            args("product", p).put("depth", UPSTREAM_DEPTH).put("limit", 200))
                    .ifPresent(u -> {
                        lineageEvidence.put(p, u.id());
                        u.as(LineageView.UPSTREAM).hops().forEach(h -> up.put(h.product(), h.depth()));
                    });
            ancestors.put(p, up);
        }
        List<LineageGrouper.Event> input = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ProductEvent e = events.get(i);
            input.add(new LineageGrouper.Event(
                    i, e.anomaly().product(), e.families(), e.anomaly().since().getEpochSecond(), e.cycle(), 0));
        }
        List<LineageGrouper.Group> raw = LineageGrouper.group(input, ancestors::get).stream()
                .filter(g -> keep == null
                        || keep.contains(g.root().product())
                        || g.echoes().stream()
                                .anyMatch(e -> keep.contains(e.event().product())))
                .sorted(Comparator.comparingDouble((LineageGrouper.Group g) ->
                        -Math.abs(events.get(g.root().id()).anomaly().score())))
                .toList();
        List<IncidentView> incidents = List.of();
        String incidentEvidence = null;
        if (!raw.isEmpty() && tools.remainingCalls() > 0) {
            Optional<Evidence> inc = tools.data(
                    "list_incidents",
                    args("since", since.minus(INCIDENT_SLACK).toString()).put("limit", 200));
            if (inc.isPresent()) {
                incidents = inc.get().as(IncidentList.class).incidents();
                incidentEvidence = inc.get().id();
            }
        }
        List<Group> alerts = new ArrayList<>();
        List<Group> explained = new ArrayList<>();
        for (LineageGrouper.Group g : raw) {
            Group group = group(g, events, lineageEvidence, incidents, incidentEvidence);
            (group.explainedBy() == null ? alerts : explained).add(group);
        }
        alerts = ranked(alerts, "G");
        explained = ranked(explained, "X");
        ProductScan s = detection.stats();
        AnomaliesReport.Sweep sweep = new AnomaliesReport.Sweep(
                scanned.size(), s.series, s.points, s.shortHistory, s.excludedPoints, notScanned, settings);
        return new AnomaliesReport(
                scope, since, until, alerts, explained, sweep, Summary.of(scope, since, until, alerts, explained));
    }

    private Group group(
            LineageGrouper.Group g,
            List<ProductEvent> events,
            Map<String, String> lineageEvidence,
            List<IncidentView> incidents,
            String incidentEvidence) {
        Anomaly root = events.get(g.root().id()).anomaly();
        Set<String> evidence = new LinkedHashSet<>(root.evidence());
        List<Echo> echoes = new ArrayList<>();
        Set<String> products = new LinkedHashSet<>(List.of(root.product()));
        for (LineageGrouper.Echo e : g.echoes()) {
            Anomaly a = events.get(e.event().id()).anomaly();
            Optional.ofNullable(lineageEvidence.get(a.product())).ifPresent(evidence::add);
            echoes.add(new Echo(e.hops(), a));
            products.add(a.product());
        }
        String criticality = null;
        Owner owner = null;
        int downstream = 0;
        if (tools.remainingCalls() > 1) {
            Optional<Evidence> p = tools.data("get_data_product", args("id", root.product()));
            if (p.isPresent()) {
                ProductView view = p.get().as(ProductView.class);
                criticality = view.criticality();
                owner = Owner.of(view.owner(), p.get().id());
                evidence.add(p.get().id());
            }
            Optional<Evidence> i =
                    tools.data("impact", args("product", root.product()).put("limit", 1));
            if (i.isPresent()) {
                downstream = i.get().as(ImpactView.class).total();
                evidence.add(i.get().id());
            }
        }
        Map<String, Anomaly> byProduct = new HashMap<>();
        byProduct.put(root.product(), root);
        echoes.forEach(e -> byProduct.putIfAbsent(e.anomaly().product(), e.anomaly()));
        List<String> linked = new ArrayList<>();
        String explainedBy = null;
        // the root's own incidents first, then the echoes'
        List<IncidentView> ordered = new ArrayList<>(incidents);
        ordered.sort(Comparator.comparing((IncidentView i) -> !root.product().equals(i.product())));
        for (IncidentView i : ordered) {
            Anomaly own = i.product() == null ? null : byProduct.get(i.product());
            if (own == null) {
                continue;
            }
            boolean atRoot = own == root;
            if ("open".equals(i.status())) {
                if (atRoot ? Incidents.open(i, own) : Incidents.about(i, own)) {
                    linked.add(i.id());
                }
            } else if (explainedBy == null && Incidents.covers(i, own)) {
                explainedBy = i.id();
            }
        }
        if ((explainedBy != null || !linked.isEmpty()) && incidentEvidence != null) {
            evidence.add(incidentEvidence);
        }
        double impact = weight(criticality) + 0.5 * downstream + echoes.size();
        double rankScore = Math.round(Math.min(Math.abs(root.score()), SCORE_CAP) * impact * 10) / 10.0;
        return new Group(
                null,
                0,
                root,
                echoes,
                criticality,
                downstream,
                impact,
                rankScore,
                owner,
                linked,
                explainedBy,
                List.copyOf(evidence));
    }

    private static List<Group> ranked(List<Group> groups, String prefix) {
        List<Group> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingDouble(Group::rankScore).reversed());
        List<Group> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Group g = sorted.get(i);
            out.add(new Group(
                    prefix + (i + 1),
                    i + 1,
                    g.root(),
                    g.echoes(),
                    g.criticality(),
                    g.downstream(),
                    g.impact(),
                    g.rankScore(),
                    g.owner(),
                    g.incidents(),
                    g.explainedBy(),
                    g.evidence()));
        }
        return out;
    }

    static double weight(String criticality) {
        return switch (criticality == null ? "" : criticality) {
            case "critical" -> 4;
            case "high" -> 3;
            case "medium" -> 2;
            default -> 1;
        };
    }
}
