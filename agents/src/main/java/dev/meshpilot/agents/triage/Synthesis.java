package dev.meshpilot.agents.triage;

import static dev.meshpilot.agents.kit.DataChecks.args;

import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.agents.triage.TriageReport.Cause;
import dev.meshpilot.agents.triage.TriageReport.Impact;
import dev.meshpilot.agents.triage.TriageReport.Impacted;
import dev.meshpilot.agents.triage.TriageReport.NextStep;
import dev.meshpilot.agents.triage.TriageReport.Similar;
import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.mesh.incident.ErrorClassifier;
import dev.meshpilot.mesh.incident.Severity;
import dev.meshpilot.mesh.view.IncidentView;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.tools.lineage.ImpactView;
import dev.meshpilot.tools.search.SimilarIncidents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns the ranked causes of one incident into the report: impact, owner, severity, history, next steps. */
final class Synthesis {
    static final int IMPACT_LIMIT = 25;
    static final int STEPS_PER_RUNBOOK = 3;
    /** Runbooks asked for, before those that do not apply are set aside ({@link RunbookAdvice}). */
    static final int RUNBOOK_CANDIDATES = 10;

    private final ToolBox tools;
    private final String incident;
    private final String title;
    private final String product;
    private final Evidence inc;
    private final Optional<Evidence> prod;
    private final Optional<Evidence> failedChecks;
    private final Optional<Evidence> runs;
    private final Instant onset;
    private final List<String> notes = new ArrayList<>();
    private Recovery.Recovered recovered;

    Synthesis(
            ToolBox tools,
            String incident,
            String title,
            String product,
            Evidence inc,
            Optional<Evidence> prod,
            Optional<Evidence> failedChecks,
            Optional<Evidence> runs,
            Instant onset) {
        this.tools = tools;
        this.incident = incident;
        this.title = title;
        this.product = product;
        this.inc = inc;
        this.prod = prod;
        this.failedChecks = failedChecks;
        this.runs = runs;
        this.onset = onset;
    }

    TriageReport report(List<Cause> causes) {
        Cause root = causes.isEmpty()
                ? new Cause(
                        null,
                        ErrorClass.UNKNOWN.wireName(),
                        "No failed, late or anomalous product found at or upstream of " + product + " before " + onset
                                + "; the evidence does not point at a cause",
                        0.2,
                        evidenceSoFar())
                : causes.getFirst();
        List<Cause> alternatives = causes.size() > 1 ? causes.subList(1, Math.min(causes.size(), 6)) : List.of();
        String causeProduct = root.product() != null ? root.product() : product;
        Optional<Evidence> impactE =
                tools.data("impact", args("product", causeProduct).put("limit", IMPACT_LIMIT));
        Impact impact = impactE.map(Synthesis::impact).orElse(new Impact(List.of(), 0, Map.of(), List.of()));
        if (recovered != null) { // pattern 3: recovered on retry, nothing downstream is affected now
            impact = new Impact(List.of(), 0, Map.of(), List.of(recovered.evidence()));
            notes.add(recovered.sentence());
        }
        Owner owner = causeProduct.equals(product)
                ? prod.map(p -> TriagePlaybook.owner(p.as(ProductView.class).owner(), p.id()))
                        .orElse(null)
                : tools.data("get_data_product", args("id", causeProduct))
                        .map(p -> TriagePlaybook.owner(p.as(ProductView.class).owner(), p.id()))
                        .orElse(null);
        List<Similar> similar = similar(root);
        List<NextStep> steps = steps(causeProduct, root.errorClass());
        TriageReport.Severity severity = recovered != null
                ? Severities.recovered(recovered, impact)
                : Severities.decide(product, prod, failedChecks, runs, root, impact, onset);
        double confidence = confidence(root, alternatives);
        return new TriageReport(
                incident,
                title,
                product,
                severity,
                root,
                alternatives,
                impact,
                owner,
                steps,
                similar,
                confidence,
                summary(incident, severity, root, impact, owner)
                        + (recovered == null
                                ? ""
                                : " Recovered on retry at " + recovered.at() + ": no blast radius now."),
                notes);
    }

    /** Marks the failure recovered on retry (pattern 3): no impact, the lowest severity, said in the report. */
    Synthesis recovered(Recovery.Recovered r) {
        this.recovered = r;
        return this;
    }

    /** Adds a note for the reader (how the report was made). */
    Synthesis note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
        return this;
    }

    static TriageReport withoutProduct(ToolBox tools, String incident, String title, Evidence inc) {
        Cause root = new Cause(
                null,
                ErrorClassifier.classify(inc.as(IncidentView.class).description())
                        .wireName(),
                "The incident names no product, so lineage cannot be walked; classified from its description only",
                0.2,
                List.of(inc.id()));
        Synthesis s = new Synthesis(
                tools,
                incident,
                title,
                null,
                inc,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                inc.as(IncidentView.class).openedAt());
        List<Similar> similar = s.similar(root);
        List<NextStep> steps = s.steps(null, root.errorClass());
        TriageReport.Severity severity = new TriageReport.Severity(
                Severity.SEV4.wireName(),
                "no product named: severity cannot be assessed from lineage",
                Map.of(),
                List.of(inc.id()));
        return new TriageReport(
                incident,
                title,
                null,
                severity,
                root,
                List.of(),
                new Impact(List.of(), 0, Map.of(), List.of()),
                null,
                steps,
                similar,
                0.2,
                incident + ": no product named; see similar incidents and runbooks.",
                s.notes);
    }

    private List<String> evidenceSoFar() {
        List<String> ids = new ArrayList<>(List.of(inc.id()));
        runs.ifPresent(r -> ids.add(r.id()));
        return ids;
    }

    private static Impact impact(Evidence e) {
        ImpactView view = e.as(ImpactView.class);
        List<Impacted> products = new ArrayList<>();
        for (ImpactView.Consumer c : view.consumers()) {
            products.add(
                    new Impacted(c.product(), c.criticality(), c.depth(), TriagePlaybook.owner(c.owner(), e.id())));
        }
        Map<String, Integer> by = new LinkedHashMap<>(view.byCriticality());
        return new Impact(products, view.total(), by, List.of(e.id()));
    }

    /** Past incidents like this one, preferring those of the cause's product and class. */
    private List<Similar> similar(Cause root) {
        var a = args("incident", incident).put("limit", 3);
        if (root.product() != null) {
            a.put("product", root.product()).put("text", TriagePlaybook.clip(root.summary(), 1000));
        }
        if (!ErrorClass.UNKNOWN.wireName().equals(root.errorClass())) {
            a.put("errorClass", root.errorClass());
        }
        Optional<Evidence> e = tools.data("similar_incidents", a);
        List<Similar> out = new ArrayList<>();
        e.ifPresent(s -> s.as(SimilarIncidents.class)
                .incidents()
                .forEach(i -> out.add(new Similar(i.id(), i.title(), i.status(), i.resolution(), List.of(s.id())))));
        return out;
    }

    private List<NextStep> steps(String causeProduct, String errorClass) {
        String named = product != null ? product : causeProduct;
        var a = args("errorClass", errorClass).put("limit", RUNBOOK_CANDIDATES);
        if (named != null) {
            a.put("product", named);
        }
        if (causeProduct == null && title != null) {
            a.put("query", TriagePlaybook.clip(title, 400));
        }
        Optional<Evidence> e = tools.data("search_runbooks", a);
        if (e.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> ours = new java.util.LinkedHashSet<>();
        if (product != null) {
            ours.add(product);
        }
        if (causeProduct != null) {
            ours.add(causeProduct);
        }
        RunbookAdvice.Advice advice = RunbookAdvice.choose(e.get(), ours, errorClass, STEPS_PER_RUNBOOK);
        notes.addAll(advice.notes());
        return advice.steps();
    }

    static double confidence(Cause root, List<Cause> alternatives) {
        double c = root.likelihood();
        if (!alternatives.isEmpty()
                && root.likelihood() - alternatives.getFirst().likelihood() < 0.1) {
            c -= 0.15; // two causes explain it about equally well
        }
        return Math.round(Math.max(0.05, Math.min(0.95, c)) * 100) / 100.0;
    }

    /** The report's one-paragraph summary, built from its findings: it never says more than they do. */
    static String summary(String incident, TriageReport.Severity severity, Cause root, Impact impact, Owner owner) {
        StringBuilder s = new StringBuilder();
        s.append(incident).append(" (").append(severity.level()).append("): ");
        if (root.product() == null) {
            s.append("cause unknown");
        } else {
            s.append("probable cause ")
                    .append(root.errorClass().replace('_', ' '))
                    .append(" in ")
                    .append(root.product());
        }
        s.append(". ").append(impact.total()).append(" downstream product").append(impact.total() == 1 ? "" : "s");
        int critical = impact.byCriticality().getOrDefault("critical", 0);
        if (critical > 0) {
            s.append(String.format(Locale.ROOT, ", %d critical", critical));
        }
        s.append(" affected.");
        if (owner != null && owner.team() != null) {
            s.append(" Owner ").append(owner.team());
            if (owner.chat() != null) {
                s.append(" (")
                        .append(owner.chat())
                        .append(owner.oncall() == null ? "" : ", on call " + owner.oncall())
                        .append(")");
            }
            s.append('.');
        }
        return s.toString();
    }
}
