package dev.meshpilot.agents.anomalies;

import static dev.meshpilot.agents.kit.DataChecks.args;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Anomaly;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Echo;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Group;
import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.mesh.anomaly.detect.LineageGrouper;
import dev.meshpilot.mesh.view.IncidentView;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.tools.incidents.IncidentList;
import dev.meshpilot.tools.lineage.LineageLinks;
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
import java.util.function.Predicate;

/**
 * Turns what the sweep scanned into the report: the lineage among the anomalous products ({@code lineage_links}),
 * groups along lineage ({@link LineageGrouper}), the root's owner and consumers (as the scan described them),
 * open incidents linked and resolved ones that explain a group, then the ranking by score × impact.
 */
final class Grouping {
    static final int UPSTREAM_DEPTH = 6;
    /** lineage_links takes at most this many products a call. */
    static final int LINKS_PER_CALL = 2000;
    /** Links asked for a page (lineage_links allows 500), unless the gate's maxItems is lower. */
    static final int LINKS_PER_PAGE = 500;
    /** Incidents are listed from a day before the window. */
    static final Duration INCIDENT_SLACK = Duration.ofDays(1);

    static final int INCIDENTS_PER_PAGE = 50;
    static final int INCIDENT_PAGES = 4;

    static final double SCORE_CAP = 100;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Calls a sweep leaves for grouping: lineage links and incidents. */
    static final int RESERVED_CALLS = 6;

    private final ToolBox tools;
    private final Scanned scanned;
    private final Predicate<String> keep;
    private final String scope;
    private final Instant since;
    private final Instant until;

    Grouping(ToolBox tools, Scanned scanned, Predicate<String> keep, String scope) {
        this.tools = tools;
        this.scanned = scanned;
        this.keep = keep;
        this.scope = scope;
        this.since = scanned.since;
        this.until = scanned.until;
    }

    AnomaliesReport report() {
        List<Scanned.Event> events = scanned.events;
        Map<String, Map<String, Integer>> ancestors = new HashMap<>();
        Map<String, String> lineageEvidence = new HashMap<>();
        links(ancestors, lineageEvidence);
        List<LineageGrouper.Event> input = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Scanned.Event e = events.get(i);
            input.add(new LineageGrouper.Event(
                    i, e.anomaly().product(), e.families(), e.anomaly().since().getEpochSecond(), e.cycle(), 0));
        }
        List<LineageGrouper.Group> raw = LineageGrouper.group(input, ancestors::get).stream()
                .filter(g -> keep == null
                        || keep.test(g.root().product())
                        || g.echoes().stream().anyMatch(e -> keep.test(e.event().product())))
                .sorted(Comparator.comparingDouble((LineageGrouper.Group g) ->
                        -Math.abs(events.get(g.root().id()).anomaly().score())))
                .toList();
        List<IncidentView> incidents = List.of();
        Map<String, String> incidentEvidence = new HashMap<>();
        if (!raw.isEmpty()) {
            incidents = incidents(incidentEvidence);
        }
        List<Group> alerts = new ArrayList<>();
        List<Group> explained = new ArrayList<>();
        for (LineageGrouper.Group g : raw) {
            Group group = group(g, events, lineageEvidence, incidents, incidentEvidence);
            (group.explainedBy() == null ? alerts : explained).add(group);
        }
        alerts = ranked(alerts, "G");
        explained = ranked(explained, "X");
        Scanned s = scanned;
        AnomaliesReport.Sweep sweep = new AnomaliesReport.Sweep(
                s.judged,
                s.series,
                s.points,
                s.shortHistory,
                s.excludedPoints,
                List.of(),
                s.settings,
                s.inScope,
                s.complete());
        String summary = Summary.of(scope, since, until, alerts, explained);
        if (!s.complete()) {
            summary = "INCOMPLETE: scanned " + s.judged + " of " + s.inScope + " products ("
                    + (s.cut == null ? "not all were read" : s.cut)
                    + "); the anomalies of the rest are unknown, not absent. " + summary;
        }
        return new AnomaliesReport(scope, since, until, alerts, explained, sweep, summary);
    }

    private Group group(
            LineageGrouper.Group g,
            List<Scanned.Event> events,
            Map<String, String> lineageEvidence,
            List<IncidentView> incidents,
            Map<String, String> incidentEvidence) {
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
        Scanned.Info info = scanned.products.get(root.product());
        if (info != null) {
            criticality = info.product().criticality();
            owner = info.product().owner() == null
                    ? null
                    : Owner.of(info.product().owner(), info.evidence());
            downstream = info.product().downstream();
            evidence.add(info.evidence());
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
        linked.forEach(id -> Optional.ofNullable(incidentEvidence.get(id)).ifPresent(evidence::add));
        if (explainedBy != null) {
            Optional.ofNullable(incidentEvidence.get(explainedBy)).ifPresent(evidence::add);
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

    /**
     * The incidents open in or since a day before the window, a page of {@link #INCIDENTS_PER_PAGE} at a time
     * (a page of 200 could be cut by the gate's byte cap), at most {@link #INCIDENT_PAGES} pages; each one's
     * evidence id goes into {@code evidence}.
     */
    private List<IncidentView> incidents(Map<String, String> evidence) {
        List<IncidentView> out = new ArrayList<>();
        String cursor = null;
        int limit = Math.min(INCIDENTS_PER_PAGE, tools.maxItems()); // a page the gate cuts would lose the rest
        for (int page = 0; page < INCIDENT_PAGES && tools.remainingCalls() > 0; page++) {
            ObjectNode a = args("since", since.minus(INCIDENT_SLACK).toString()).put("limit", limit);
            if (cursor != null) {
                a.put("cursor", cursor);
            }
            Optional<Evidence> inc = tools.data("list_incidents", a);
            if (inc.isEmpty()) {
                break;
            }
            IncidentList list = inc.get().as(IncidentList.class);
            list.incidents().forEach(i -> evidence.putIfAbsent(i.id(), inc.get().id()));
            out.addAll(list.incidents());
            cursor = list.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return out;
    }

    /**
     * Which anomalous products lie upstream of which ({@code lineage_links}, paged), as ancestor → hops. Past
     * {@link #LINKS_PER_CALL} anomalous products, the rest stay ungrouped (each its own group).
     */
    private void links(Map<String, Map<String, Integer>> ancestors, Map<String, String> evidence) {
        List<String> anomalous =
                scanned.products.keySet().stream().limit(LINKS_PER_CALL).toList();
        if (anomalous.size() < 2) {
            return;
        }
        anomalous.forEach(p -> ancestors.put(p, new HashMap<>()));
        String cursor = null;
        // a page no larger than the gate lets a result hold: a page the gate cuts would lose the links past the cut
        int limit = Math.min(LINKS_PER_PAGE, tools.maxItems());
        while (true) {
            if (tools.remainingCalls() <= 1) {
                return;
            }
            ObjectNode a = JSON.objectNode().put("depth", UPSTREAM_DEPTH).put("limit", limit);
            ArrayNode ids = a.putArray("products");
            anomalous.forEach(ids::add);
            if (cursor != null) {
                a.put("cursor", cursor);
            }
            Optional<Evidence> e = tools.data("lineage_links", a);
            if (e.isEmpty()) {
                return;
            }
            if (e.get().result().status() == ToolResult.Status.TRUNCATED && limit > 1) {
                limit = Math.max(1, limit / 2); // cut for bytes: ask the same page again, smaller
                continue;
            }
            LineageLinks page = e.get().as(LineageLinks.class);
            for (LineageLinks.Link l : page.links()) {
                ancestors.get(l.downstream()).put(l.upstream(), l.hops());
                evidence.putIfAbsent(l.downstream(), e.get().id());
            }
            cursor = page.nextCursor();
            if (cursor == null) {
                return;
            }
        }
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
