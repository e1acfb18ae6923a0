package dev.meshpilot.agents.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.agents.runtime.Agent;
import dev.meshpilot.agents.runtime.AgentSpec;
import dev.meshpilot.agents.runtime.ToolBox;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An agent that only implements {@code ground} and {@code guardVerdict} still gets the guards: denied calls
 * support nothing, and its verdict never moves off the playbook's.
 */
class DefaultReviewTest {
    record Report(GroundingTest.Claim verdict) {}

    static final Agent<String, Report> LEGACY = new Agent<>() {
        @Override
        public AgentSpec spec() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Class<Report> reportType() {
            return Report.class;
        }

        @Override
        public Report playbook(ToolBox tools, String input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> promptVariables(String input, Report draft, ToolBox tools) {
            return Map.of();
        }

        @Override
        public Grounded<Report> ground(Report r, Set<String> known) {
            Grounding g = new Grounding(known);
            return new Grounded<>(new Report(g.check(r.verdict(), c -> "verdict " + c.value(), null)), g.dropped());
        }

        @Override
        public Grounded<Report> guardVerdict(Report model, Report baseline) {
            VerdictGuard guard = new VerdictGuard();
            var v = guard.keep(
                    "verdict",
                    model.verdict(),
                    baseline.verdict(),
                    GroundingTest.Claim::value,
                    GroundingTest.Claim::value);
            return new Grounded<>(new Report(v), guard.kept());
        }
    };

    @Test
    void should_drop_claims_on_denied_calls_and_keep_the_playbook_verdict_without_flagged_text() {
        Report baseline = new Report(new GroundingTest.Claim("SEV1", List.of("E1")));

        var denied = LEGACY.review(
                new Report(new GroundingTest.Claim("SEV1", List.of("E3"))), baseline, GroundingTest.RUN, false);
        assertThat(denied.dropped()).singleElement().asString().contains("verdict SEV1", "E3");

        var changed = LEGACY.review(
                new Report(new GroundingTest.Claim("SEV4", List.of("E4"))), baseline, GroundingTest.RUN, false);
        assertThat(changed.report()).isEqualTo(baseline);
        assertThat(changed.notes()).singleElement().asString().endsWith(VerdictGuard.NO_STRONGER_EVIDENCE);
    }
}
