package dev.meshpilot.agents.triage;

import dev.meshpilot.agents.kit.Grounding;
import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.agents.kit.Support;
import dev.meshpilot.agents.kit.VerdictGuard;
import dev.meshpilot.agents.runtime.Agent.Judged;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.triage.TriageReport.Cause;
import dev.meshpilot.agents.triage.TriageReport.Impact;
import dev.meshpilot.agents.triage.TriageReport.NextStep;
import dev.meshpilot.agents.triage.TriageReport.Severity;
import dev.meshpilot.agents.triage.TriageReport.Similar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a model's triage report field by field against the run's evidence, with the playbook's report as the
 * floor. A root cause (and each alternative) needs a run, check, metric, schema or lineage result about its
 * product; a severity the criticality and breach facts its rule reads; a next step the runbook search result
 * that contains it; a similar incident the search result naming it; the impact an impact result; the owner a
 * product or impact result naming the team. A dropped claim leaves the playbook's finding in its place; the
 * root cause and severity differ from the playbook's only on evidence its own did not cite. When anything was
 * dropped or kept, or the model's summary names another severity, the summary is rebuilt from what stood.
 */
final class TriageReview {
    private static final Pattern SEVERITY = Pattern.compile("\\bSEV([1-4])\\b");

    private TriageReview() {}

    static Support cause(Cause c) {
        if (c == null || c.product() == null) {
            return Support.anyData();
        }
        return Support.from(
                        "a run, check, metric, schema or lineage result",
                        "recent_runs",
                        "quality_results",
                        "metric_series",
                        "metric_history",
                        "observed_schema",
                        "list_incidents",
                        "get_contract",
                        "lineage_upstream",
                        "get_data_product")
                .mentioning(c.product());
    }

    static Support severity(TriageReport baseline) {
        return baseline.product() == null
                ? Support.from("the incident record", "get_incident")
                : Support.from(
                        "a criticality or breach fact (product, runs, checks, lineage, impact)",
                        "get_data_product",
                        "recent_runs",
                        "quality_results",
                        "lineage_upstream",
                        "impact");
    }

    static Judged<TriageReport> review(TriageReport m, TriageReport b, List<Evidence> evidence, boolean flagged) {
        Grounding g = new Grounding(evidence);
        VerdictGuard guard = new VerdictGuard();
        Cause root = g.check(
                m.rootCause(),
                c -> "rootCause " + c.product() + " (" + c.errorClass() + ")",
                cause(m.rootCause()),
                b.rootCause());
        root = guard.floor(
                "root cause",
                root == null ? b.rootCause() : root,
                b.rootCause(),
                c -> Arrays.asList(c.product(), c.errorClass()),
                c -> c.product() + ", " + c.errorClass(),
                g,
                cause(root),
                flagged);
        Severity sev = g.check(m.severity(), s -> "severity " + s.level(), severity(b), b.severity());
        sev = guard.floor(
                "severity",
                sev == null ? b.severity() : sev,
                b.severity(),
                Severity::level,
                Severity::level,
                g,
                severity(b),
                flagged);
        List<Cause> alternatives = orBaseline(
                g.keep(
                        m.alternatives(),
                        c -> "alternative " + c.product() + " (" + c.errorClass() + ")",
                        TriageReview::cause),
                m.alternatives(),
                b.alternatives());
        // pattern 6 (issue #16): a step that reads like an instruction is never recommended, whoever proposes it
        List<NextStep> steps = orBaseline(
                g.keep(
                        RunbookAdvice.safe(m.nextSteps()),
                        s -> "nextStep from " + s.runbook(),
                        s -> Support.from("a runbook search result", "search_runbooks")
                                .mentioning(s.runbook(), s.step())),
                m.nextSteps(),
                b.nextSteps());
        List<Similar> similar = orBaseline(
                g.keep(
                        m.similarIncidents(),
                        s -> "similarIncident " + s.id(),
                        s -> Support.from("a similar-incidents result", "similar_incidents")
                                .mentioning(s.id())),
                m.similarIncidents(),
                b.similarIncidents());
        Impact impact = m.impact() == null
                ? b.impact()
                : g.check(m.impact(), i -> "impact", Support.from("an impact result", "impact"), b.impact());
        Owner owner = m.owner() == null
                ? b.owner()
                : g.check(
                        m.owner(),
                        o -> "owner " + o.team(),
                        Support.from("a product or impact result", "get_data_product", "impact")
                                .mentioning(m.owner().team()),
                        b.owner());
        boolean ownRoot = root != b.rootCause();
        double confidence = !ownRoot
                ? Math.min(m.confidence(), b.confidence())
                : g.droppedAny()
                        ? Math.min(m.confidence(), root.likelihood() > 0 ? root.likelihood() : 0.1)
                        : m.confidence();
        List<String> notes = new ArrayList<>(guard.kept());
        notes.addAll(guard.changed());
        String summary = m.summary();
        if (g.droppedAny() || !guard.kept().isEmpty() || namesOtherSeverity(summary, sev.level())) {
            summary = Synthesis.summary(m.incident(), sev, root, impact, owner);
            notes.add("summary rebuilt from the findings that stood: the model's named claims that were dropped "
                    + "or kept from the playbook");
        }
        TriageReport out = new TriageReport(
                m.incident(),
                m.title(),
                m.product(),
                sev,
                root,
                alternatives,
                impact,
                owner,
                steps,
                similar,
                confidence,
                summary,
                b.notes());
        return new Judged<>(out, g.dropped(), notes);
    }

    /** What stood of a list; the playbook's list when the model gave items and none of them stood. */
    private static <T> List<T> orBaseline(List<T> kept, List<T> given, List<T> baseline) {
        return kept.isEmpty() && !given.isEmpty() ? baseline : kept;
    }

    private static boolean namesOtherSeverity(String summary, String level) {
        if (summary == null) {
            return false;
        }
        Matcher m = SEVERITY.matcher(summary);
        while (m.find()) {
            if (!m.group().equals(level)) {
                return true;
            }
        }
        return false;
    }
}
