package dev.meshpilot.evals.run;

import dev.meshpilot.evals.suite.Suite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Per-metric means over cases, their spread over repetitions, and the threshold check. */
final class Aggregates {
    static final String PASS_RATE = "passRate";

    private Aggregates() {}

    static List<MetricSummary> summarize(Suite suite, List<CaseResult> cases, int reps) {
        List<CaseResult> scored = cases.stream().filter(CaseResult::scored).toList();
        TreeSet<String> names = new TreeSet<>();
        scored.forEach(c ->
                c.repetitions().forEach(r -> names.addAll(r.score().metrics().keySet())));
        List<MetricSummary> out = new ArrayList<>();
        for (String n : names) {
            double[] perRep = new double[reps];
            int count = 0;
            for (CaseResult c : scored) {
                if (c.repetitions().stream().noneMatch(r -> r.score().metrics().containsKey(n))) {
                    continue;
                }
                count++;
                for (int r = 0; r < reps; r++) {
                    Map<String, Double> m = c.repetitions()
                            .get(Math.min(r, c.repetitions().size() - 1))
                            .score()
                            .metrics();
                    perRep[r] += m.getOrDefault(n, 0.0);
                }
            }
            for (int r = 0; r < reps; r++) {
                perRep[r] /= count;
            }
            out.add(summary(suite, n, perRep, count));
        }
        double[] passPerRep = new double[reps];
        for (CaseResult c : scored) {
            for (int r = 0; r < reps; r++) {
                passPerRep[r] += c.repetitions()
                                .get(Math.min(r, c.repetitions().size() - 1))
                                .score()
                                .passed()
                        ? 1
                        : 0;
            }
        }
        for (int r = 0; r < reps; r++) {
            passPerRep[r] = scored.isEmpty() ? 0 : passPerRep[r] / scored.size();
        }
        out.add(summary(suite, PASS_RATE, passPerRep, scored.size()));
        Map<String, Double> unmeasured = new TreeMap<>(suite.thresholds());
        out.forEach(m -> unmeasured.remove(m.metric()));
        unmeasured.forEach((k, v) -> out.add(new MetricSummary(k, 0, 0, 0, v, true)));
        return out;
    }

    private static MetricSummary summary(Suite suite, String metric, double[] perRep, int cases) {
        double mean = 0;
        for (double v : perRep) {
            mean += v;
        }
        mean /= perRep.length;
        double var = 0;
        for (double v : perRep) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / perRep.length);
        Double threshold = suite.thresholds().get(metric);
        boolean ok = threshold == null || cases == 0 || mean >= threshold - 1e-9;
        return new MetricSummary(metric, round(mean), round(sd), cases, threshold, ok);
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
