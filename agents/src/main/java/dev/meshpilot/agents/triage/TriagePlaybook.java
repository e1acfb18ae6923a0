package dev.meshpilot.agents.triage;

import static dev.meshpilot.agents.kit.DataChecks.args;

import dev.meshpilot.agents.kit.DataChecks;
import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.agents.triage.TriageReport.Cause;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.mesh.incident.ErrorClassifier;
import dev.meshpilot.mesh.view.IncidentView;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.tools.activity.QualityResults;
import dev.meshpilot.tools.activity.RecentRuns;
import dev.meshpilot.tools.lineage.LineageView;
import dev.meshpilot.tools.lineage.UpstreamHop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The deterministic triage plan, in order:
 *
 * <ol>
 *   <li>read the incident and its product; find when the problem began (its failed check or failed run
 *       before the incident was opened, else the opening time) — everything after is judged at that moment;
 *   <li>walk upstream (lineage_upstream at that moment): a failing ancestor with no failing ancestor of its
 *       own is the first suspect, its error message classified; the product's own failed run next;
 *   <li>with no failure in sight, look for bad data in the product and its nearest ancestors (duplicated
 *       keys, null explosions), then for late ancestors;
 *   <li>rank the causes; the blast radius is what lies downstream of the chosen one, with owners;
 *   <li>severity by rule, similar past incidents, next steps quoted from matching runbooks.
 * </ol>
 */
final class TriagePlaybook {
    static final int UPSTREAM_DEPTH = 5;
    /**
     * Hops of the upstream page, the tool's most: at a wide fan-in the closure five hops up holds hundreds of
     * products, and an origin several hops up off a page of 50 was never read (the gate halves a page over its
     * byte cap, keeping the nearest).
     */
    static final int UPSTREAM_PAGE = 200;

    static final int ANOMALY_DEPTH = 2;
    static final int ANOMALY_PRODUCTS = 5;
    static final Duration FAILURE_WINDOW = Duration.ofHours(48);
    /** Calls kept for the report after the walk: impact, the cause's owner, similar incidents, runbooks, a retry. */
    static final int RESERVE = 5;
    /** The likelihood of the product's own "waited for its input" failure when an input's run failed above it. */
    static final double WAITED = 0.4;
    /** Classes a failed run reports when what it reads changed shape (or that say nothing), pattern 1. */
    static final java.util.Set<String> SHAPE_CLASSES =
            java.util.Set.of(ErrorClass.SCHEMA_MISMATCH.wireName(), ErrorClass.UNKNOWN.wireName());
    /** Classes of a failed run that may be an echo of bad data upstream (checks on data; nothing classifiable). */
    static final java.util.Set<String> ECHO_CLASSES = java.util.Set.of(
            ErrorClass.DUPLICATE_KEYS.wireName(), ErrorClass.NULL_EXPLOSION.wireName(), ErrorClass.UNKNOWN.wireName());
    /** Causes that leave wrong data behind, which a retry of the reading job does not undo, pattern 3. */
    static final java.util.Set<String> BAD_DATA =
            java.util.Set.of(ErrorClass.DUPLICATE_KEYS.wireName(), ErrorClass.NULL_EXPLOSION.wireName());

    private final ToolBox tools;

    TriagePlaybook(ToolBox tools) {
        this.tools = tools;
    }

    TriageReport run(String incidentId) {
        Evidence inc = tools.call("get_incident", args("id", incidentId), "playbook");
        if (!inc.hasData()) {
            ErrorCode code = switch (inc.result().status()) {
                case DENIED -> ErrorCode.SANDBOX_DENIED;
                case TIMEOUT -> ErrorCode.TOOL_TIMEOUT;
                default -> ErrorCode.NOT_FOUND;
            };
            throw new MeshpilotException(
                    code, "cannot triage " + incidentId + ": " + inc.result().message());
        }
        IncidentView i = inc.as(IncidentView.class);
        String title = i.title();
        String product = i.product();
        Instant opened = i.openedAt();
        if (product == null) {
            return Synthesis.withoutProduct(tools, incidentId, title, inc);
        }
        Optional<Evidence> prod = tools.data("get_data_product", args("id", product));
        Optional<Evidence> failedChecks = tools.data(
                "quality_results",
                args("product", product).put("failedOnly", true).put("limit", 5));
        Optional<Evidence> runs = tools.data(
                "recent_runs", args("product", product).put("limit", 5).put("until", opened.toString()));
        Instant onset = Onset.of(i, prod, failedChecks, runs);

        List<Cause> causes = new ArrayList<>();
        Optional<Evidence> up = tools.data(
                "lineage_upstream",
                args("product", product)
                        .put("depth", UPSTREAM_DEPTH)
                        .put("limit", UPSTREAM_PAGE)
                        .put("asOf", onset.toString()));
        String ownMessage = runs.flatMap(r -> r.as(RecentRuns.class).latest())
                .filter(RecentRuns.Run::failed)
                .map(RecentRuns.Run::errorMessage)
                .orElse(null);
        up.ifPresent(u -> causes.addAll(failingAncestors(u, onset, ownMessage)));
        boolean ancestorFailed = causes.stream().anyMatch(c -> !product.equals(c.product()));
        runs.flatMap(r -> ownFailure(product, r, onset))
                // a run that timed out waiting for its input, with an input's run failed above it, waited for that
                .map(c -> ancestorFailed && ErrorClass.UPSTREAM_LATE.wireName().equals(c.errorClass())
                        ? new Cause(c.product(), c.errorClass(), c.summary(), WAITED, c.evidence())
                        : c)
                .ifPresent(causes::add);
        List<String> notes = new ArrayList<>();
        // pattern 1: a run failed on a name or a type: did an input's table change under it?
        Optional<Cause> shapeFailure = causes.stream()
                .filter(c -> c.likelihood() >= 0.3)
                .filter(c -> SHAPE_CLASSES.contains(c.errorClass()))
                .max(Comparator.comparingDouble(Cause::likelihood));
        if (shapeFailure.isPresent() && up.isPresent()) {
            SchemaWalk schemas = new SchemaWalk(tools, RESERVE);
            causes.addAll(schemas.check(shapeFailure.get(), product, up.get()));
            if (schemas.skipped > 0) {
                notes.add("The schemas of " + schemas.checked + " inputs were compared with their contracts; "
                        + schemas.skipped + " farther inputs were not (at most " + SchemaWalk.PRODUCTS
                        + " a run, within the tool budget).");
            }
        }
        // a failed run that reports bad data (or nothing classifiable) may only echo bad data from above it
        boolean failureFound =
                causes.stream().anyMatch(c -> c.likelihood() >= 0.5 && !ECHO_CLASSES.contains(c.errorClass()));
        Cause echoOf = causes.stream()
                .filter(c -> c.likelihood() >= 0.5)
                .max(Comparator.comparingDouble(Cause::likelihood))
                .orElse(null);
        List<UpstreamHop> ancestors =
                up.map(u -> u.as(LineageView.UPSTREAM).hops()).orElse(List.of());
        // pattern 2: open incidents of ancestors, then their quality and metrics, nearest first
        AncestorWalk walk = new AncestorWalk(tools, RESERVE);
        java.util.Map<String, Integer> depth = new java.util.LinkedHashMap<>();
        ancestors.forEach(h -> depth.putIfAbsent(h.product(), h.depth()));
        causes.addAll(walk.openIncidents(depth, onset.minus(FAILURE_WINDOW), onset, incidentId));
        if (!failureFound) {
            // the walk leaves room to confirm what it finds with the contract's key and required columns
            AncestorWalk metricWalk = new AncestorWalk(tools, RESERVE + DataChecks.CALLS);
            List<Cause> signs = metricWalk.metrics(ancestors, product, onset.minus(FAILURE_WINDOW), onset, echoOf);
            causes.addAll(signs);
            Optional.ofNullable(metricWalk.note(ancestors.size() + 1)).ifPresent(notes::add);
            List<String> confirm = signs.stream()
                    .filter(c -> c.likelihood() >= 0.5)
                    .filter(c -> echoOf == null || c.likelihood() > echoOf.likelihood())
                    .max(Comparator.comparingDouble(Cause::likelihood))
                    .map(c -> List.of(c.product()))
                    .orElseGet(() -> echoOf == null ? anomalyCandidates(product, up) : List.of());
            for (String p : confirm) {
                if (tools.remainingCalls() < RESERVE + DataChecks.CALLS) {
                    break;
                }
                new DataChecks(tools)
                        .check(p, onset)
                        .forEach(a -> causes.add(
                                new Cause(a.product(), a.errorClass(), a.summary(), a.strength(), a.evidence())));
            }
        }
        up.ifPresent(u -> causes.addAll(lateAncestors(u)));
        ownLateness(product, prod, runs, onset).ifPresent(causes::add);
        if (causes.isEmpty()) {
            failedChecks.flatMap(q -> ownCheck(product, q, onset)).ifPresent(causes::add);
        }
        causes.sort(Comparator.comparingDouble(Cause::likelihood).reversed());
        List<Cause> ranked = dedupe(causes);
        // pattern 3: a failure of this product's own job that a retry soon fixed has no blast radius now
        Optional<Recovery.Recovered> recovered = Optional.empty();
        if (!ranked.isEmpty() && !BAD_DATA.contains(ranked.getFirst().errorClass())) {
            recovered = Recovery.check(tools, product, runs, prod);
        }
        Synthesis synthesis = new Synthesis(tools, incidentId, title, product, inc, prod, failedChecks, runs, onset);
        notes.forEach(synthesis::note);
        recovered.ifPresent(synthesis::recovered);
        return synthesis.report(ranked);
    }

    /** Failing ancestors from lineage_upstream's suspects: roots first, each error message classified. */
    private List<Cause> failingAncestors(Evidence up, Instant onset, String ownMessage) {
        List<Cause> out = new ArrayList<>();
        LineageView<UpstreamHop> lineage = up.as(LineageView.UPSTREAM);
        java.util.Set<String> named = RunMessages.named(ownMessage, lineage, lineage.product());
        java.util.Map<String, ErrorClass> classes = new java.util.HashMap<>();
        for (LineageView.Suspect s : suspects(lineage)) {
            if (s.failed()) {
                classes.put(
                        s.product(),
                        ErrorClassifier.classify(issue(lineage, s.product())
                                .map(UpstreamHop.Issue::errorMessage)
                                .orElse(null)));
            }
        }
        for (LineageView.Suspect s : suspects(lineage)) {
            if (!s.failed()) {
                continue;
            }
            String p = s.product();
            String message =
                    issue(lineage, p).map(UpstreamHop.Issue::errorMessage).orElse(null);
            ErrorClass cls = classes.get(p);
            boolean root = s.root() || ownRoot(cls, p, classes, lineage.hops(), lineage.product());
            double likelihood = (root ? 0.85 : 0.55) - (cls == ErrorClass.UNKNOWN ? 0.25 : 0);
            if (named.contains(p)) {
                likelihood += 0.05; // the product's own run said which input it waited for: this one's side
            }
            String summary = p + "'s latest run before " + onset + " failed"
                    + (message == null ? "" : ": " + clip(message, 300)) + " (" + s.depth() + " hop"
                    + (s.depth() == 1 ? "" : "s") + " upstream, via " + String.join(" <- ", s.path()) + ")";
            out.add(new Cause(p, cls.wireName(), summary, likelihood, List.of(up.id())));
        }
        return out;
    }

    /**
     * Whether a failing ancestor that has failing ancestors of its own is still a root: a failed run upstream
     * explains a run that waited for it (or says nothing), and bad data explains the same bad data below it — but
     * it never explains a job's own grants, cluster or reading of a changed table, nor bad data of another kind
     * (pattern: only what flows downstream echoes; a failure of its own kind starts a new trail).
     */
    static boolean ownRoot(
            ErrorClass cls,
            String product,
            java.util.Map<String, ErrorClass> failing,
            List<UpstreamHop> hops,
            String start) {
        if (cls == ErrorClass.UNKNOWN || cls == ErrorClass.UPSTREAM_LATE) {
            return false;
        }
        if (!BAD_DATA.contains(cls.wireName())) {
            return true;
        }
        return AncestorWalk.above(hops, start, product).stream().noneMatch(a -> failing.get(a) == cls);
    }

    private static Optional<Cause> ownFailure(String product, Evidence runs, Instant onset) {
        Optional<RecentRuns.Run> newest = runs.as(RecentRuns.class).latest();
        if (newest.isEmpty() || !newest.get().failed()) {
            return Optional.empty();
        }
        RecentRuns.Run latest = newest.get();
        String message = latest.errorMessage();
        ErrorClass cls = ErrorClassifier.classify(message);
        String summary = product + "'s own run " + latest.job() + " failed at "
                + (latest.endedAt() == null ? "?" : latest.endedAt().toString())
                + (message == null ? "" : ": " + clip(message, 300));
        return Optional.of(new Cause(product, cls.wireName(), summary, ownLikelihood(cls), List.of(runs.id())));
    }

    /**
     * How likely the product's own failed run is its root: a message that says nothing, 0.5; one saying it waited
     * for its input, 0.85 (a failing ancestor, the likelier, comes first); any other class names trouble of the job
     * itself (its cluster, its grants, its inputs' shape, its own data checks), which an unrelated failure above it
     * does not explain, 0.9 — above failing ancestors, below what a walk finds upstream of it.
     */
    static double ownLikelihood(ErrorClass cls) {
        return switch (cls) {
            case UNKNOWN -> 0.5;
            case UPSTREAM_LATE -> 0.85;
            default -> 0.9;
        };
    }

    /**
     * The product's own failed check at the onset, when nothing at or above it failed, ran late or shows bad data:
     * the check then reports the product's own logic or its own sources (pattern: a failure with a clean lineage
     * is the product's own), with a low likelihood, and its class from the check's name and column.
     */
    static Optional<Cause> ownCheck(String product, Evidence failedChecks, Instant onset) {
        return failedChecks.as(QualityResults.class).results().stream()
                .filter(q -> !q.at().isAfter(onset) && q.at().isAfter(onset.minus(FAILURE_WINDOW)))
                .findFirst()
                .map(q -> new Cause(
                        product,
                        ErrorClassifier.classify(q.assertion() + (q.column() == null ? "" : " " + q.column()))
                                .wireName(),
                        product + "'s own check " + q.assertion() + (q.column() == null ? "" : " on " + q.column())
                                + " failed at " + q.at() + ", with nothing failed, late or anomalous upstream",
                        0.25,
                        List.of(failedChecks.id())));
    }

    /**
     * Late ancestors (not failing) that no late or failing ancestor explains. One with no recorded run at all
     * before the onset is skipped: an incident older than the loaded history sees every ancestor as "never
     * succeeded", which says nothing about that day (pattern: absence of evidence is not a cause).
     */
    private static List<Cause> lateAncestors(Evidence up) {
        List<Cause> out = new ArrayList<>();
        LineageView<UpstreamHop> lineage = up.as(LineageView.UPSTREAM);
        for (LineageView.Suspect s : suspects(lineage)) {
            if (!"late".equals(s.status())) {
                continue;
            }
            String p = s.product();
            Optional<UpstreamHop.Issue> health = issue(lineage, p);
            if (health.isPresent()
                    && health.get().lastRunAt() == null
                    && health.get().lastSuccessAt() == null) {
                // before the first recorded run nothing is known of it: a missing history is not lateness
                continue;
            }
            String summary = p + " is late: last success "
                    + health.map(UpstreamHop.Issue::lastSuccessAt)
                            .map(Instant::toString)
                            .orElse("never")
                    + ", "
                    + health.map(UpstreamHop.Issue::lateByHours)
                            .map(String::valueOf)
                            .orElse("?")
                    + " h past its freshness SLO";
            out.add(new Cause(
                    p, ErrorClass.UPSTREAM_LATE.wireName(), summary, s.root() ? 0.6 : 0.35, List.of(up.id())));
        }
        return out;
    }

    private static List<LineageView.Suspect> suspects(LineageView<UpstreamHop> lineage) {
        List<LineageView.Suspect> s = lineage.summary().suspects();
        return s == null ? List.of() : s;
    }

    /** The health details of {@code product}'s hop on this page, when it has any. */
    static Optional<UpstreamHop.Issue> issue(LineageView<UpstreamHop> lineage, String product) {
        return lineage.hop(product)
                .map(UpstreamHop::health)
                .filter(UpstreamHop.Issue.class::isInstance)
                .map(UpstreamHop.Issue.class::cast);
    }

    /** The product itself missing its freshness SLO with nothing upstream to blame. */
    private static Optional<Cause> ownLateness(
            String product, Optional<Evidence> prod, Optional<Evidence> runs, Instant onset) {
        if (prod.isEmpty() || runs.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> target = prod.get().as(ProductView.class).freshness();
        Instant last = runs.get().as(RecentRuns.class).lastSuccessAt();
        if (target.isEmpty() || last == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(last, onset);
        if (age.compareTo(target.get()) <= 0) {
            return Optional.empty();
        }
        String summary = String.format(
                Locale.ROOT,
                "%s itself last succeeded at %s, %.1f h before %s (freshness SLO %s)",
                product,
                last,
                age.toMinutes() / 60.0,
                onset,
                target.get());
        return Optional.of(new Cause(
                product,
                ErrorClass.UPSTREAM_LATE.wireName(),
                summary,
                0.3,
                List.of(prod.get().id(), runs.get().id())));
    }

    /** The product and its nearest ancestors, nearest first, for the data checks. */
    private static List<String> anomalyCandidates(String product, Optional<Evidence> up) {
        List<String> out = new ArrayList<>(List.of(product));
        up.ifPresent(u -> {
            for (UpstreamHop h : u.as(LineageView.UPSTREAM).hops()) {
                if (h.depth() <= ANOMALY_DEPTH && out.size() < ANOMALY_PRODUCTS) {
                    out.add(h.product());
                }
            }
        });
        return out;
    }

    /** One cause per product and class, the likeliest kept. */
    private static List<Cause> dedupe(List<Cause> causes) {
        List<Cause> out = new ArrayList<>();
        for (Cause c : causes) {
            if (out.stream()
                    .noneMatch(o -> java.util.Objects.equals(o.product(), c.product())
                            && o.errorClass().equals(c.errorClass()))) {
                out.add(c);
            }
        }
        return out;
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static Owner owner(dev.meshpilot.mesh.view.Owner owner, String evidence) {
        return Owner.of(owner, evidence);
    }
}
