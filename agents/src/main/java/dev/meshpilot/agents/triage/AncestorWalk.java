package dev.meshpilot.agents.triage;

import static dev.meshpilot.agents.kit.DataChecks.args;

import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.agents.triage.TriageReport.Cause;
import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.mesh.incident.ErrorClassifier;
import dev.meshpilot.mesh.view.IncidentView;
import dev.meshpilot.tools.activity.MetricHistory;
import dev.meshpilot.tools.activity.QualityResults;
import dev.meshpilot.tools.incidents.IncidentList;
import dev.meshpilot.tools.lineage.UpstreamHop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pattern 2 of issue #16 (upstream data problems several hops away): the quality results, metrics and open
 * incidents of every ancestor within the window are weighed as causes, not only the incident's product. Open
 * incidents on ancestors come from one {@code list_incidents} call; each product's metrics from one {@code
 * metric_history} call judged by the anomalies agent's detector ({@link MetricSigns}), and a failed check found
 * there is read with {@code quality_results} to name what failed. Products are read nearest first, so when the
 * run's tool budget (the gate allows 50 calls a run, the agent 40) runs out the far ones are what is left, and
 * the report says so. A sign farther up the same walk ranks a little higher: trouble flows downstream.
 */
final class AncestorWalk {
    static final Duration HISTORY = Duration.ofDays(35);
    static final double DEPTH_BONUS = 0.02;
    static final double EARLIEST_BONUS = 0.1;
    /**
     * An echo never ties its origin: strong signs boosted above the failure they explain reach {@link #MAX}, where
     * the origin's {@link #EARLIEST_BONUS} is lost; a sign that is not the origin stays this much below.
     */
    static final double ECHO_GAP = 0.01;
    /** A likelihood stays below certainty. */
    static final double MAX = 0.99;

    private final ToolBox tools;
    private final int reserve;
    private final MetricSigns signs = new MetricSigns();
    int read;
    int skipped;

    AncestorWalk(ToolBox tools, int reserve) {
        this.tools = tools;
        this.reserve = reserve;
    }

    /**
     * Incidents on ancestors ({@code depth} by product) open at some point of [from, until], less those resolved
     * before {@code until} whose class leaves no bad data behind.
     */
    List<Cause> openIncidents(Map<String, Integer> depth, Instant from, Instant until, String incident) {
        List<Cause> out = new ArrayList<>();
        if (depth.isEmpty() || tools.remainingCalls() < reserve + 1) {
            return out;
        }
        Optional<Evidence> e = tools.data(
                "list_incidents",
                args("status", "all").put("since", from.toString()).put("limit", 200));
        if (e.isEmpty()) {
            return out;
        }
        for (IncidentView i : e.get().as(IncidentList.class).incidents()) {
            Integer d = i.product() == null ? null : depth.get(i.product());
            if (d == null || i.id().equals(incident) || i.openedAt().isAfter(until)) {
                continue;
            }
            if (i.resolvedAt() != null
                    && i.resolvedAt().isBefore(until)
                    && !TriagePlaybook.BAD_DATA.contains(i.errorClass())) {
                // fixed before the problem began: a rerun undoes a failed run, so it explains nothing after it
                // (bad data it published may still flow, so those classes stay)
                continue;
            }
            String cls = i.errorClass() != null
                    ? i.errorClass()
                    : ErrorClassifier.classify(i.title()).wireName();
            String summary = "incident " + i.id() + " on " + i.product() + " (" + d + " hop" + (d == 1 ? "" : "s")
                    + " upstream) was open from " + i.openedAt() + ", class " + cls.replace('_', ' ');
            double likelihood =
                    0.6 + DEPTH_BONUS * d - (ErrorClass.UNKNOWN.wireName().equals(cls) ? 0.15 : 0);
            out.add(new Cause(
                    i.product(), cls, summary, likelihood, List.of(e.get().id())));
        }
        return out;
    }

    /** Signs of bad data in the products' loads within [from, until], nearest first, within the budget. */
    List<Cause> metrics(List<UpstreamHop> nearestFirst, String start, Instant from, Instant until) {
        return metrics(nearestFirst, start, from, until, null);
    }

    /**
     * As {@link #metrics(List, String, Instant, Instant)}; when {@code echoOf} is a failed run that reported bad
     * data (or said nothing classifiable), the same sign in a product above it is where the bad data came from:
     * such a sign ranks above the failure it explains.
     */
    List<Cause> metrics(List<UpstreamHop> nearestFirst, String start, Instant from, Instant until, Cause echoOf) {
        java.util.Set<String> above =
                echoOf == null ? java.util.Set.of() : above(nearestFirst, start, echoOf.product());
        List<Cause> out = new ArrayList<>();
        List<Instant> when = new ArrayList<>();
        List<String> products = new ArrayList<>(List.of(start));
        List<Integer> depths = new ArrayList<>(List.of(0));
        // when a failed ancestor may echo bad data, what lies above it is read first (nearest first)
        List<UpstreamHop> order = new ArrayList<>(nearestFirst);
        if (echoOf != null && !start.equals(echoOf.product())) {
            order.sort(java.util.Comparator.comparingInt((UpstreamHop h) -> above.contains(h.product()) ? 0 : 1)
                    .thenComparingInt(UpstreamHop::depth));
        }
        order.forEach(h -> {
            products.add(h.product());
            depths.add(h.depth());
        });
        for (int k = 0; k < products.size(); k++) {
            if (k > 0) {
                trail(products, depths, k, nearestFirst, start, out); // what lies above the latest sign comes next
            }
            if (tools.remainingCalls() < reserve + 1) {
                skipped = products.size() - k;
                break;
            }
            String p = products.get(k);
            int d = depths.get(k);
            read++;
            Optional<Evidence> h = tools.data(
                    "metric_history",
                    args("product", p)
                            .put("since", until.minus(HISTORY).toString())
                            .put("until", until.toString()));
            if (h.isEmpty()) {
                continue;
            }
            for (MetricSigns.Sign s : signs.read(p, h.get().as(MetricHistory.class), from, until)) {
                if (s.failedChecks() && d == 0) {
                    continue; // the incident's own failed check is the symptom being triaged
                }
                List<String> ev = new ArrayList<>(List.of(h.get().id()));
                String cls = s.errorClass();
                String summary = s.summary();
                if (s.failedChecks()) {
                    Optional<Evidence> q = tools.remainingCalls() < reserve + 1
                            ? Optional.empty()
                            : tools.data(
                                    "quality_results",
                                    args("product", p).put("failedOnly", true).put("limit", 5));
                    if (q.isPresent()) {
                        ev.add(q.get().id());
                        QualityResults.Result r = q.get().as(QualityResults.class).results().stream()
                                .filter(x -> !x.at().isBefore(from) && !x.at().isAfter(until))
                                .findFirst()
                                .orElse(null);
                        if (r != null) {
                            cls = ErrorClassifier.classify(r.assertion() + (r.column() == null ? "" : " " + r.column()))
                                    .wireName();
                            summary = p + "'s check " + r.assertion() + (r.column() == null ? "" : " on " + r.column())
                                    + " failed at " + r.at();
                        }
                    }
                }
                double strength = s.strength()
                        + DEPTH_BONUS * d
                        - (ErrorClass.UNKNOWN.wireName().equals(cls) ? 0.15 : 0);
                if (echoOf != null
                        && above.contains(p)
                        && (cls.equals(echoOf.errorClass())
                                || ErrorClass.UNKNOWN.wireName().equals(echoOf.errorClass()))) {
                    strength = Math.max(strength, echoOf.likelihood() + 0.05 + DEPTH_BONUS * d);
                }
                String where = d == 0 ? "" : " (" + d + " hop" + (d == 1 ? "" : "s") + " upstream)";
                out.add(new Cause(p, cls, summary + where, Math.min(MAX, strength), ev));
                when.add(s.at());
            }
        }
        return earliestFirst(out, when, nearestFirst, start);
    }

    /**
     * Follow the trail: bad data flows downstream, so when the product just read showed a sign of bad data, its
     * own ancestors are read next (nearest first) instead of its siblings and cousins — the origin of a null
     * explosion or a volume drop several hops up lies on the chain of echoes, and a breadth-first read spends the
     * budget on unrelated products of a wide fan-in first. Returns whether the unread tail was reordered.
     */
    static boolean trail(
            List<String> products, List<Integer> depths, int k, List<UpstreamHop> hops, String start, List<Cause> out) {
        if (out.isEmpty()) {
            return false;
        }
        String last = products.get(k - 1);
        if (out.stream().noneMatch(c -> c.product().equals(last) && TRAIL_CLASSES.contains(c.errorClass()))) {
            return false;
        }
        java.util.Set<String> aboveLast = above(hops, start, last);
        List<Integer> first = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int j = k; j < products.size(); j++) {
            (aboveLast.contains(products.get(j)) ? first : rest).add(j);
        }
        if (first.isEmpty() || rest.isEmpty()) {
            return false;
        }
        first.sort(java.util.Comparator.comparingInt(depths::get));
        List<String> p = new ArrayList<>();
        List<Integer> d = new ArrayList<>();
        for (List<Integer> part : List.of(first, rest)) {
            for (int j : part) {
                p.add(products.get(j));
                d.add(depths.get(j));
            }
        }
        for (int j = 0; j < p.size(); j++) {
            products.set(k + j, p.get(j));
            depths.set(k + j, d.get(j));
        }
        return true;
    }

    /** Signs of bad data that echo downstream, so that their origin lies above them. */
    static final java.util.Set<String> TRAIL_CLASSES = java.util.Set.of(
            ErrorClass.NULL_EXPLOSION.wireName(),
            ErrorClass.DUPLICATE_KEYS.wireName(),
            ErrorClass.UPSTREAM_LATE.wireName());

    /**
     * Bad data flows downstream, in lineage and in time: of the signs of one class, one with another such sign
     * above it (on the lineage page) is an echo; of the others, the earliest load is where it began, even where a
     * diamond puts an echo farther from the incident than its origin. That one gains {@link #EARLIEST_BONUS}.
     */
    static List<Cause> earliestFirst(List<Cause> causes, List<Instant> when, List<UpstreamHop> hops, String start) {
        Map<String, Instant> first = new java.util.HashMap<>();
        boolean[] echo = new boolean[causes.size()];
        for (int i = 0; i < causes.size(); i++) {
            Cause c = causes.get(i);
            java.util.Set<String> aboveIt = above(hops, start, c.product());
            for (Cause o : causes) {
                echo[i] |= o != c && o.errorClass().equals(c.errorClass()) && aboveIt.contains(o.product());
            }
            if (!echo[i]) {
                first.merge(c.errorClass(), when.get(i), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<Cause> out = new ArrayList<>();
        for (int i = 0; i < causes.size(); i++) {
            Cause c = causes.get(i);
            boolean origin = !echo[i] && when.get(i).equals(first.get(c.errorClass()));
            out.add(
                    origin
                            ? new Cause(
                                    c.product(),
                                    c.errorClass(),
                                    c.summary(),
                                    Math.min(MAX, c.likelihood() + EARLIEST_BONUS),
                                    c.evidence())
                            : new Cause(
                                    c.product(),
                                    c.errorClass(),
                                    c.summary(),
                                    Math.min(MAX - ECHO_GAP, c.likelihood()),
                                    c.evidence()));
        }
        return out;
    }

    /** The products upstream of {@code product} on the lineage page (through each hop's {@code via}). */
    static java.util.Set<String> above(List<UpstreamHop> hops, String start, String product) {
        java.util.Set<String> out = new java.util.HashSet<>();
        java.util.Map<String, String> via = new java.util.HashMap<>();
        hops.forEach(h -> via.putIfAbsent(h.product(), h.via() == null ? start : h.via()));
        for (UpstreamHop h : hops) {
            String at = via.get(h.product());
            for (int guard = 0; at != null && guard < 50; guard++) {
                if (at.equals(product)) {
                    out.add(h.product());
                    break;
                }
                at = via.get(at);
            }
        }
        return out;
    }

    /** What the reader should know of how far the walk went, or null when it read everything. */
    String note(int total) {
        if (skipped <= 0) {
            return null;
        }
        return "The upstream walk was cut short by the run's tool budget: metrics of " + read + " of " + total
                + " products (nearest first) were read; " + skipped + " farther ancestors were not.";
    }
}
