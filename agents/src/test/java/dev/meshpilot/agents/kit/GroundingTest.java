package dev.meshpilot.agents.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.sandbox.tool.ToolResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kit's evidence model: a claim stands on results of the right kind, and a verdict on the playbook's floor. */
class GroundingTest {
    record Claim(String value, List<String> evidence) implements Finding {}

    static final JsonNodeFactory F = JsonNodeFactory.instance;

    static Evidence ok(String id, String tool, JsonNode data, String by) {
        return new Evidence(
                id,
                tool,
                F.objectNode().put("product", "orders.orders"),
                new ToolResult(ToolResult.Status.OK, data, null, 1, List.of(), List.of(), Set.of()),
                1,
                by);
    }

    static Evidence denied(String id, String tool) {
        return new Evidence(
                id,
                tool,
                F.objectNode(),
                new ToolResult(ToolResult.Status.DENIED, null, "not allowed", 2, List.of(), List.of(), Set.of()),
                1,
                "model");
    }

    static final List<Evidence> RUN = List.of(
            ok("E1", "get_incident", F.objectNode().put("title", "revenue is late"), "playbook"),
            ok(
                    "E2",
                    "search_runbooks",
                    F.objectNode()
                            .set(
                                    "runbooks",
                                    F.arrayNode()
                                            .add(
                                                    F.objectNode()
                                                            .put("id", "RB-late")
                                                            .set(
                                                                    "body",
                                                                    F.objectNode()
                                                                            .put("untrusted", true)
                                                                            .put(
                                                                                    "text",
                                                                                    "1. **Re-run** the load\n   and check `orders`.")))),
                    "playbook"),
            denied("E3", "sql.query"),
            ok("E4", "recent_runs", F.objectNode().put("state", "FAILED"), "model"));

    static final Support STEP = Support.from("a runbook search result", "search_runbooks");

    @Test
    void should_judge_a_step_by_the_runbook_result_that_contains_it_ignoring_markdown_and_line_breaks() {
        Grounding g = new Grounding(RUN);

        assertThat(g.supported(
                        new Claim("x", List.of("E2")), STEP.mentioning("RB-late", "Re-run the load and check orders.")))
                .isTrue();
        assertThat(g.problem(new Claim("x", List.of("E2")), STEP.mentioning("RB-kafka", "Restart the broker")))
                .contains("none of them a runbook search result containing \"RB-kafka\"");
        assertThat(g.problem(new Claim("x", List.of("E1")), STEP)).contains("E1 (get_incident)");
    }

    @Test
    void should_let_no_denied_call_empty_list_or_unknown_id_support_anything() {
        Grounding g = new Grounding(RUN);

        assertThat(g.problem(new Claim("x", List.of("E2", "E3")), STEP)).contains("E3 (denied)", "supports nothing");
        assertThat(g.problem(new Claim("x", List.of()), Support.anyData())).isEqualTo("cites no evidence");
        assertThat(g.problem(new Claim("x", List.of("E9")), null)).contains("[E9], not evidence of this run");
        Claim fallback = new Claim("playbook", List.of("E1"));
        assertThat(g.check(new Claim("model", List.of("E3")), c -> "claim " + c.value(), Support.anyData(), fallback))
                .isSameAs(fallback);
        assertThat(g.dropped()).singleElement().asString().startsWith("claim model cites [E3 (denied)]");
    }

    @Test
    void should_change_a_verdict_only_on_evidence_the_model_fetched_and_never_with_flagged_text() {
        Grounding g = new Grounding(RUN);
        Support runs = Support.from("a run", "recent_runs");
        Claim floor = new Claim("SEV1", List.of("E1"));

        VerdictGuard guard = new VerdictGuard();
        Claim same = guard.floor(
                "severity", new Claim("SEV1", List.of("E1")), floor, Claim::value, Claim::value, g, runs, false);
        Claim changed = guard.floor(
                "severity", new Claim("SEV2", List.of("E4")), floor, Claim::value, Claim::value, g, runs, false);
        assertThat(same.value()).isEqualTo("SEV1");
        assertThat(changed.value()).isEqualTo("SEV2");
        assertThat(guard.changed()).singleElement().asString().contains("(SEV1) to (SEV2)", "[E4]");

        VerdictGuard flagged = new VerdictGuard();
        assertThat(flagged.floor(
                        "severity", new Claim("SEV2", List.of("E4")), floor, Claim::value, Claim::value, g, runs, true))
                .isSameAs(floor);
        assertThat(flagged.kept()).singleElement().asString().endsWith(VerdictGuard.INSTRUCTION_LIKE);

        VerdictGuard unsupported = new VerdictGuard();
        Claim playbookFact = new Claim("SEV4", List.of("E1"));
        assertThat(unsupported.floor(
                        "severity", playbookFact, floor, Claim::value, Claim::value, g, Support.anyData(), false))
                .isSameAs(floor);
        assertThat(unsupported.kept()).singleElement().asString().endsWith(VerdictGuard.NO_STRONGER_EVIDENCE);
    }
}
