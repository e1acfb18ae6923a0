package dev.meshpilot.agents.triage;

import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.triage.TriageReport.Cause;
import dev.meshpilot.agents.triage.TriageReport.Impact;
import dev.meshpilot.mesh.incident.Severity;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.tools.activity.QualityResults;
import dev.meshpilot.tools.activity.RecentRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The severity rules: product criticality × blast radius × breach, first match wins.
 *
 * <ul>
 *   <li>SEV1: a critical product is in breach — its run failed, a contract check failed, or it is past its
 *       freshness SLO — the incident's product or the cause;
 *   <li>SEV2: a critical product is affected (the incident's, or one downstream of the cause), or a high one
 *       is in breach with three or more products downstream;
 *   <li>SEV3: a high product is affected, or anything depends on the broken one;
 *   <li>SEV4: nothing else depends on it.
 * </ul>
 */
final class Severities {
    private Severities() {}

    static TriageReport.Severity decide(
            String product,
            Optional<Evidence> prod,
            Optional<Evidence> failedChecks,
            Optional<Evidence> runs,
            Cause root,
            Impact impact,
            Instant onset) {
        String criticality =
                prod.map(p -> p.as(ProductView.class).criticality()).orElse("medium");
        List<String> evidence = new ArrayList<>();
        prod.ifPresent(p -> evidence.add(p.id()));
        String breach = breach(prod, failedChecks, runs, onset, evidence);
        boolean causeFailed = root.product() != null && root.likelihood() >= 0.5;
        String causeCriticality = impactCriticality(root.product(), product, criticality);
        int critical = impact.byCriticality().getOrDefault("critical", 0);
        int high = impact.byCriticality().getOrDefault("high", 0);
        evidence.addAll(impact.evidence());
        Map<String, Object> factors = new LinkedHashMap<>();
        factors.put("productCriticality", criticality);
        factors.put("breach", breach == null ? "none" : breach);
        factors.put("blastRadius", impact.total());
        factors.put("criticalDownstream", critical);
        factors.put("highDownstream", high);
        String level;
        String rule;
        if ("critical".equals(criticality) && breach != null) {
            level = Severity.SEV1.wireName();
            rule = "critical product " + product + " is in breach (" + breach + ")";
        } else if ("critical".equals(causeCriticality) && causeFailed) {
            level = Severity.SEV1.wireName();
            rule = "critical product " + root.product() + " is the failing cause";
        } else if ("critical".equals(criticality) || critical > 0) {
            level = Severity.SEV2.wireName();
            rule = "a critical product is affected (" + (critical > 0 ? critical + " downstream" : product) + ")";
        } else if ("high".equals(criticality) && breach != null && impact.total() >= 3) {
            level = Severity.SEV2.wireName();
            rule = "high product " + product + " is in breach with " + impact.total() + " products downstream";
        } else if ("high".equals(criticality) || high > 0 || impact.total() > 0) {
            level = Severity.SEV3.wireName();
            rule = "a high product is affected or others depend on it (" + impact.total() + " downstream)";
        } else {
            level = Severity.SEV4.wireName();
            rule = "no critical or high product affected and nothing downstream";
        }
        return new TriageReport.Severity(
                level, rule, factors, evidence.stream().distinct().toList());
    }

    /** A failure recovered on retry with no stale data downstream (pattern 3 of issue #16): SEV4, nothing affected. */
    static TriageReport.Severity recovered(Recovery.Recovered r, Impact impact) {
        Map<String, Object> factors = new LinkedHashMap<>();
        factors.put("recoveredAt", r.at().toString());
        factors.put("blastRadius", 0);
        return new TriageReport.Severity(
                Severity.SEV4.wireName(),
                "the failed run recovered on retry at " + r.at()
                        + " within its freshness SLO: nothing downstream is affected",
                factors,
                impact.evidence());
    }

    /** Why the product is in breach at the onset, or null. */
    private static String breach(
            Optional<Evidence> prod,
            Optional<Evidence> failedChecks,
            Optional<Evidence> runs,
            Instant onset,
            List<String> evidence) {
        Optional<RecentRuns.Run> latest =
                runs.flatMap(r -> r.as(RecentRuns.class).latest());
        if (latest.isPresent() && latest.get().failed()) {
            evidence.add(runs.get().id());
            return "its latest run failed";
        }
        if (failedChecks.isPresent()) {
            for (QualityResults.Result q :
                    failedChecks.get().as(QualityResults.class).results()) {
                if (q.at().equals(onset)) {
                    evidence.add(failedChecks.get().id());
                    return "contract check " + q.assertion() + " failed";
                }
            }
        }
        if (prod.isPresent() && runs.isPresent()) {
            Optional<Duration> target = prod.get().as(ProductView.class).freshness();
            Instant last = runs.get().as(RecentRuns.class).lastSuccessAt();
            if (target.isPresent()
                    && last != null
                    && Duration.between(last, onset).compareTo(target.get()) > 0) {
                evidence.add(runs.get().id());
                return "past its freshness SLO " + target.get();
            }
        }
        return null;
    }

    private static String impactCriticality(String causeProduct, String product, String productCriticality) {
        return causeProduct != null && causeProduct.equals(product) ? productCriticality : null;
    }
}
