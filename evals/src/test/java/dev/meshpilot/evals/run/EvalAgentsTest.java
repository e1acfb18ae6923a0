package dev.meshpilot.evals.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.agents.Agents;
import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.AgentInput;
import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.agents.catalog.McpFace;
import dev.meshpilot.agents.catalog.Renderers;
import dev.meshpilot.agents.runtime.Agent;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentSpec;
import dev.meshpilot.agents.runtime.Budgets;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.core.MeshpilotException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Evals drive the agents of a catalog: a new agent's suite needs its catalog entry and no evals code. */
class EvalAgentsTest {
    /** An agent that reports its input back, registered only here. */
    static final class Echo implements Agent<String, String> {
        @Override
        public AgentSpec spec() {
            return new AgentSpec(
                    "echo",
                    Set.of("get_data_product"),
                    "triage",
                    AgentRun.json().createObjectNode(),
                    new Budgets(1, 1, Duration.ofSeconds(5)));
        }

        @Override
        public Class<String> reportType() {
            return String.class;
        }

        @Override
        public String playbook(ToolBox tools, String input) {
            return input;
        }

        @Override
        public Map<String, Object> promptVariables(String input, String draft, ToolBox tools) {
            return Map.of();
        }

        @Override
        public Grounded<String> ground(String report, Set<String> known) {
            return new Grounded<>(report, List.of());
        }

        @Override
        public Grounded<String> guardVerdict(String model, String baseline) {
            return new Grounded<>(model, List.of());
        }
    }

    static final Catalog CATALOG = Agents.catalog()
            .with(new AgentDescriptor<>(
                    new Echo(),
                    "Echo.",
                    AgentInput.text("product", "PRODUCT", "A product id.", "a product id"),
                    new Renderers<>(run -> run.report(), r -> r, null),
                    new McpFace(
                            "echo", "Echo", "Echo.", "echoing", "echoed", "echo", "Echo", p -> "", "id", (i, p) -> i)));

    @Test
    void should_offer_every_catalog_agent_with_its_allowlist_when_a_test_catalog_adds_one() {
        EvalAgents agents = EvalAgents.of(CATALOG);

        assertThat(agents.tools()).containsKeys("triage", "echo");
        assertThat(agents.agent("echo").tools()).containsExactly("get_data_product");
        assertThat(EvalAgents.allowlists()).isEqualTo(Agents.catalog().allowlists());
    }

    @Test
    void should_name_the_agents_input_key_when_a_case_lacks_it() {
        assertThatThrownBy(() -> EvalAgents.of(CATALOG).agent("echo").run(null, Map.of("incident", "x"), null))
                .isInstanceOf(MeshpilotException.class)
                .hasMessage("input: product: is required for this agent");
        assertThatThrownBy(() -> EvalAgents.of(CATALOG).agent("nope"))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("agents: [")
                .hasMessageContaining("echo")
                .hasMessageContaining("triage");
    }
}
