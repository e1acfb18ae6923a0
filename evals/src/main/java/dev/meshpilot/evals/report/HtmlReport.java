package dev.meshpilot.evals.report;

import dev.meshpilot.evals.run.CaseResult;
import dev.meshpilot.evals.run.Comparison;
import dev.meshpilot.evals.run.EvalReport;
import dev.meshpilot.evals.run.Repetition;
import dev.meshpilot.evals.run.VariantResult;
import java.util.List;
import java.util.Map;

/**
 * A standalone HTML page (no external assets): the verdict, a per-metric bar chart with each variant's bar
 * and the threshold, the comparison when there is one, and per case expected against got with the failures
 * and the tool trajectory of each variant.
 */
public final class HtmlReport {
    private static final String[] COLOURS = {"#3b6ea8", "#d08a2c", "#5a9a5a", "#8a5aa8"};
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
            h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
            .pass{color:#1d7a32;font-weight:600}.fail{color:#b3261e;font-weight:600}.muted{color:#777}
            table{border-collapse:collapse;margin:.6em 0;width:100%}td,th{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
            details{border:1px solid #ddd;border-radius:6px;margin:.4em 0;padding:.3em .8em}summary{cursor:pointer}
            ol.traj{font:12px/1.4 ui-monospace,Menlo,monospace;margin:.3em 0;columns:2}.tag{background:#eef;border-radius:4px;padding:0 5px;font-size:12px;margin-left:4px}
            .legend span{display:inline-block;margin-right:1.2em}.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
            """;

    private HtmlReport() {}

    public static String render(EvalReport r) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        s.append("<title>Eval ")
                .append(esc(r.suiteRef()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>");
        s.append("<h1>Eval ")
                .append(esc(r.suiteRef()))
                .append(" <span class=\"")
                .append(r.passed() ? "pass\">PASSED" : "fail\">FAILED")
                .append("</span></h1><p class=\"muted\">agent ")
                .append(esc(r.agent()))
                .append(" · generated ")
                .append(esc(String.valueOf(r.generatedAt())))
                .append("</p>");
        s.append(
                "<table><tr><th>variant</th><th>cases</th><th>scored</th><th>passed</th><th>thresholds</th><th>time</th></tr>");
        for (VariantResult v : r.variants()) {
            s.append("<tr><td>")
                    .append(esc(v.variant()))
                    .append("</td><td class=num>")
                    .append(v.cases().size())
                    .append("</td><td class=num>")
                    .append(v.scored())
                    .append("</td><td class=num>")
                    .append(v.passedCases())
                    .append("</td><td class=\"")
                    .append(v.passed() ? "pass\">met" : "fail\">missed: " + esc(missed(v)))
                    .append(v.fallbacks() == 0 ? "" : esc(", " + v.fallbacks() + " fell back to the playbook"))
                    .append("</td><td class=num>")
                    .append(String.format(java.util.Locale.ROOT, "%.1f s", v.millis() / 1000.0))
                    .append("</td></tr>");
        }
        s.append("</table><h2>Metrics</h2>").append(Chart.svg(r.variants(), COLOURS));
        if (r.comparison() != null) {
            comparison(s, r.comparison());
        }
        s.append("<h2>Cases</h2>");
        for (CaseResult c : r.variants().getFirst().cases()) {
            caseBlock(s, c.id(), r.variants());
        }
        return s.append("</body></html>\n").toString();
    }

    private static void comparison(StringBuilder s, Comparison c) {
        s.append("<h2>Comparison: ")
                .append(esc(c.a()))
                .append(" → ")
                .append(esc(c.b()))
                .append(" <span class=\"")
                .append(c.worse() ? "fail\">worse" : "pass\">not worse")
                .append("</span></h2>");
        if (!c.regressed().isEmpty()) {
            s.append("<p>Regressed (pass → fail): <b>")
                    .append(esc(String.join(", ", c.regressed())))
                    .append("</b></p>");
        }
        s.append("<table><tr><th>case</th><th>")
                .append(esc(c.a()))
                .append("</th><th>")
                .append(esc(c.b()))
                .append("</th><th>changed metrics</th></tr>");
        for (var d : c.cases()) {
            s.append("<tr><td><a href=\"#case-")
                    .append(esc(d.id()))
                    .append("\">")
                    .append(esc(d.id()))
                    .append("</a></td>")
                    .append(cell(d.statusA(), d.passedA()))
                    .append(cell(d.statusB(), d.passedB()))
                    .append("<td>")
                    .append(esc(String.join(", ", d.changes())))
                    .append("</td></tr>");
        }
        s.append("</table>");
    }

    private static String cell(String status, boolean passed) {
        if (!"scored".equals(status)) {
            return "<td class=muted>" + esc(status) + "</td>";
        }
        return passed ? "<td class=pass>pass</td>" : "<td class=fail>fail</td>";
    }

    private static void caseBlock(StringBuilder s, String id, List<VariantResult> variants) {
        CaseResult first = variants.getFirst().find(id).orElseThrow();
        boolean allPass = variants.stream()
                .allMatch(v -> v.find(id).map(c -> c.passed() || !c.scored()).orElse(true));
        s.append("<details id=\"case-")
                .append(esc(id))
                .append("\"")
                .append(allPass ? "" : " open")
                .append("><summary><b>")
                .append(esc(id))
                .append("</b>");
        for (VariantResult v : variants) {
            CaseResult c = v.find(id).orElseThrow();
            s.append(" · ")
                    .append(esc(v.variant()))
                    .append(": ")
                    .append(
                            c.scored() && !"error".equals(c.status())
                                    ? (c.passed() ? "<span class=pass>pass</span>" : "<span class=fail>fail</span>")
                                    : "<span class=muted>" + esc(c.status()) + "</span>");
            if (c.cassette() != null) {
                s.append(
                        c.handAuthored()
                                ? " <span class=muted>(hand-authored cassette)</span>"
                                : " <span class=muted>(recorded cassette)</span>");
            }
        }
        first.tags().forEach(t -> s.append("<span class=tag>").append(esc(t)).append("</span>"));
        s.append("</summary><p>").append(esc(first.description())).append("</p>");
        if (first.knownMiss() != null) {
            s.append("<p><b>Known miss:</b> ").append(esc(first.knownMiss())).append("</p>");
        }
        s.append("<table><tr><th>field</th><th>expected</th>");
        variants.forEach(v -> s.append("<th>got · ").append(esc(v.variant())).append("</th>"));
        s.append("</tr>");
        for (Map.Entry<String, Object> e : first.expected().entrySet()) {
            s.append("<tr><td>")
                    .append(esc(e.getKey()))
                    .append("</td><td>")
                    .append(esc(String.valueOf(e.getValue())))
                    .append("</td>");
            for (VariantResult v : variants) {
                CaseResult c = v.find(id).orElseThrow();
                Object got = c.repetitions().isEmpty()
                        ? null
                        : c.repetitions().getFirst().score().got().get(e.getKey());
                boolean same = got != null && String.valueOf(got).equals(String.valueOf(e.getValue()));
                s.append(got == null ? "<td class=muted>" : same ? "<td class=pass>" : "<td>")
                        .append(esc(got == null ? "" : String.valueOf(got)))
                        .append("</td>");
            }
            s.append("</tr>");
        }
        s.append("</table>");
        for (VariantResult v : variants) {
            CaseResult c = v.find(id).orElseThrow();
            if (c.repetitions().isEmpty()) {
                s.append("<p class=muted>")
                        .append(esc(v.variant()))
                        .append(": ")
                        .append(esc(c.reason()))
                        .append("</p>");
                continue;
            }
            Repetition rep = c.repetitions().getFirst();
            s.append("<p><b>")
                    .append(esc(v.variant()))
                    .append("</b> — run mode ")
                    .append(esc(String.valueOf(rep.runMode())))
                    .append(", ")
                    .append(rep.trajectory().size())
                    .append(" tool calls")
                    .append(rep.tokens() == null ? "" : ", " + rep.tokens() + " tokens")
                    .append(", ")
                    .append(rep.millis())
                    .append(" ms");
            if (c.repetitions().size() > 1) {
                s.append(", pass rate ").append(Math.round(c.passRate() * 100)).append('%');
            }
            s.append("</p>");
            List<String> reasons = MarkdownReport.reasons(c);
            if (!reasons.isEmpty()) {
                s.append("<ul>");
                reasons.forEach(x -> s.append("<li class=fail>").append(esc(x)).append("</li>"));
                s.append("</ul>");
            }
            rep.notes()
                    .forEach(n ->
                            s.append("<p class=muted>note: ").append(esc(n)).append("</p>"));
            s.append("<ol class=traj>");
            rep.trajectory().forEach(t -> s.append("<li>").append(esc(t)).append("</li>"));
            s.append("</ol>");
        }
        s.append("</details>");
    }

    private static String missed(VariantResult v) {
        return String.join(", ", v.missed().stream().map(m -> m.metric()).toList());
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
