package dev.meshpilot.evals.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Two variants of one suite side by side (e.g. {@code replay triage@v1} against {@code replay triage@v99}):
 * each metric's mean in both and the change, and each case's pass in both with the metrics that changed.
 * {@code regressed} lists the cases that pass in the first and not in the second; {@code worse} is true when
 * a case regressed or a metric mean dropped.
 */
public record Comparison(
        String a, String b, List<MetricDelta> metrics, List<CaseDelta> cases, List<String> regressed, boolean worse) {
    public Comparison {
        metrics = List.copyOf(metrics);
        cases = List.copyOf(cases);
        regressed = List.copyOf(regressed);
    }

    /** A metric's mean in each variant (null where not measured). */
    public record MetricDelta(String metric, Double a, Double b, Double delta) {}

    /** A case in each variant; {@code changes} names each metric that differs ({@code severity 1 -> 0}). */
    public record CaseDelta(
            String id, String statusA, String statusB, boolean passedA, boolean passedB, List<String> changes) {
        public CaseDelta {
            changes = List.copyOf(changes);
        }
    }

    public static Comparison of(VariantResult a, VariantResult b) {
        List<MetricDelta> metrics = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        a.metrics().forEach(m -> names.add(m.metric()));
        b.metrics().forEach(m -> names.add(m.metric()));
        boolean worse = false;
        for (String n : names) {
            Double x = mean(a, n);
            Double y = mean(b, n);
            Double d = x != null && y != null ? round(y - x) : null;
            worse |= d != null && d < -1e-9;
            metrics.add(new MetricDelta(n, x, y, d));
        }
        List<CaseDelta> cases = new ArrayList<>();
        List<String> regressed = new ArrayList<>();
        for (CaseResult ca : a.cases()) {
            CaseResult cb = b.find(ca.id()).orElse(null);
            if (cb == null) {
                continue;
            }
            List<String> changes = new ArrayList<>();
            Map<String, Double> ma = ca.metrics();
            Map<String, Double> mb = cb.metrics();
            TreeSet<String> keys = new TreeSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (String k : keys) {
                if (!Objects.equals(ma.get(k), mb.get(k))) {
                    changes.add(k + " " + fmt(ma.get(k)) + " -> " + fmt(mb.get(k)));
                }
            }
            if (ca.passed() && cb.scored() && !cb.passed()) {
                regressed.add(ca.id());
            }
            cases.add(new CaseDelta(ca.id(), ca.status(), cb.status(), ca.passed(), cb.passed(), changes));
        }
        return new Comparison(a.variant(), b.variant(), metrics, cases, regressed, worse || !regressed.isEmpty());
    }

    private static Double mean(VariantResult v, String metric) {
        return v.metrics().stream()
                .filter(m -> m.metric().equals(metric) && m.cases() > 0)
                .map(MetricSummary::mean)
                .findFirst()
                .orElse(null);
    }

    static String fmt(Double d) {
        return d == null ? "-" : String.valueOf(round(d));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
