package dev.meshpilot.evals.report;

import dev.meshpilot.evals.run.CaseResult;
import dev.meshpilot.evals.run.Comparison;
import dev.meshpilot.evals.run.EvalReport;
import dev.meshpilot.evals.run.MetricSummary;
import dev.meshpilot.evals.run.VariantResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The summary for a pull request: per variant the metrics against thresholds, failed cases, known misses. */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String render(EvalReport r) {
        StringBuilder s = new StringBuilder();
        s.append("# Eval ")
                .append(r.suiteRef())
                .append(" (agent ")
                .append(r.agent())
                .append(") — ")
                .append(r.passed() ? "PASSED" : "FAILED")
                .append("\n\n");
        for (VariantResult v : r.variants()) {
            s.append("## ")
                    .append(v.variant())
                    .append(v.passed() ? " — passed" : " — FAILED")
                    .append("\n\n");
            s.append(String.format(
                    Locale.ROOT,
                    "%d cases, %d scored, %d passed%s%s, %.1f s\n\n",
                    v.cases().size(),
                    v.scored(),
                    v.passedCases(),
                    v.repeat() > 1 ? ", " + v.repeat() + " repetitions each" : "",
                    v.promptSha256() == null
                            ? ""
                            : ", prompt " + v.prompt() + " (" + v.promptSha256().substring(0, 12) + ")",
                    v.millis() / 1000.0));
            s.append(fallbacks(v));
            s.append(cassettes(v));
            s.append("| metric | mean | sd | cases | threshold | |\n|---|---:|---:|---:|---:|---|\n");
            for (MetricSummary m : v.metrics()) {
                s.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %d | %s | %s |\n",
                        m.metric(),
                        m.cases() == 0 ? "n/a" : fmt(m.mean()),
                        m.cases() == 0 ? "" : fmt(m.stddev()),
                        m.cases(),
                        m.threshold() == null ? "" : fmt(m.threshold()),
                        m.ok() ? "ok" : "**missed**"));
            }
            s.append('\n');
            var failed =
                    v.cases().stream().filter(c -> c.scored() && !c.passed()).toList();
            if (!failed.isEmpty()) {
                s.append("Failed cases:\n\n");
                for (CaseResult c : failed) {
                    s.append("- `")
                            .append(c.id())
                            .append('`')
                            .append(c.knownMiss() != null ? " (known miss)" : "")
                            .append(c.handAuthored() ? " (hand-authored cassette)" : "")
                            .append(": ")
                            .append(String.join("; ", reasons(c)))
                            .append('\n');
                }
                s.append('\n');
            }
            s.append(skipped(v));
        }
        Comparison c = r.comparison();
        if (c != null) {
            s.append("## Comparison: ")
                    .append(c.a())
                    .append(" → ")
                    .append(c.b())
                    .append(c.worse() ? " — WORSE" : " — not worse")
                    .append("\n\n");
            s.append("| metric | ")
                    .append(c.a())
                    .append(" | ")
                    .append(c.b())
                    .append(" | change |\n|---|---:|---:|---:|\n");
            for (var m : c.metrics()) {
                s.append("| ")
                        .append(m.metric())
                        .append(" | ")
                        .append(fmt(m.a()))
                        .append(" | ")
                        .append(fmt(m.b()))
                        .append(" | ")
                        .append(m.delta() == null ? "" : (m.delta() > 0 ? "+" : "") + fmt(m.delta()))
                        .append(" |\n");
            }
            s.append('\n');
            if (!c.regressed().isEmpty()) {
                s.append("Regressed (pass → fail): ")
                        .append(String.join(
                                ", ",
                                c.regressed().stream().map(x -> "`" + x + "`").toList()))
                        .append("\n\n");
            }
            for (var d : c.cases()) {
                if (!d.changes().isEmpty()) {
                    s.append("- `")
                            .append(d.id())
                            .append("`: ")
                            .append(String.join(", ", d.changes()))
                            .append('\n');
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** One line per reason cases were skipped for, naming up to eight of them. */
    static String skipped(VariantResult v) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        v.cases().stream()
                .filter(c -> !c.scored())
                .forEach(c -> byReason.computeIfAbsent(c.reason(), k -> new ArrayList<>())
                        .add("`" + c.id() + "`"));
        StringBuilder s = new StringBuilder();
        byReason.forEach((reason, ids) -> s.append(ids.size())
                .append(" skipped (")
                .append(reason)
                .append("): ")
                .append(String.join(", ", ids.subList(0, Math.min(8, ids.size()))))
                .append(ids.size() > 8 ? ", …" : "")
                .append("\n\n"));
        return s.toString();
    }

    /** The line saying how many cases fell back to the playbook and why, or nothing. */
    /** Where the replayed conversations came from: hand-authored cassettes are said to be so. */
    static String cassettes(VariantResult v) {
        long authored = v.cases().stream().filter(CaseResult::handAuthored).count();
        long recorded =
                v.cases().stream().filter(c -> "recorded".equals(c.cassette())).count();
        if (authored + recorded == 0) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "Cassettes: %d hand-authored (written, not a model's answers), %d recorded from a model.\n\n",
                authored,
                recorded);
    }

    static String fallbacks(VariantResult v) {
        if (v.fallbacks() == 0) {
            return "";
        }
        String why = String.join(
                "; ",
                v.fallbackReasons().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue() + (e.getValue() == 1 ? " run" : " runs"))
                        .toList());
        return String.format(
                Locale.ROOT,
                "**%d of %d scored cases fell back to the playbook** (%s): the model's answers were not scored; %s\n\n",
                v.fallbacks(),
                v.scored(),
                why,
                v.fallbacksAllowed()
                        ? "allowed by --allow-fallback."
                        : "this fails the run (--allow-fallback accepts it).");
    }

    static java.util.List<String> reasons(CaseResult c) {
        if ("error".equals(c.status())) {
            return java.util.List.of("error: " + c.reason());
        }
        return c.repetitions().stream()
                .flatMap(r -> r.score().failures().stream())
                .distinct()
                .toList();
    }

    static String fmt(Double d) {
        if (d == null) {
            return "-";
        }
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.3f", d);
    }
}
