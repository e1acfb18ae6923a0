package dev.meshpilot.server.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.Agents;
import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.AgentInput;
import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.agents.catalog.McpFace;
import dev.meshpilot.agents.catalog.Renderers;
import dev.meshpilot.agents.kit.DataChecks;
import dev.meshpilot.agents.kit.Finding;
import dev.meshpilot.agents.kit.Grounding;
import dev.meshpilot.agents.kit.RunFooter;
import dev.meshpilot.agents.runtime.Agent;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentSpec;
import dev.meshpilot.agents.runtime.Budgets;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test agent registered only in a test catalog: it reads one data product and reports its status. It shows
 * that an agent reaches the CLI, MCP and the gate through its descriptor alone, with no server code.
 */
public final class EchoAgent implements Agent<String, EchoAgent.Echo> {
    /** The report: the product and the status of the read, citing it. */
    public record Echo(String product, String status, List<String> evidence) implements Finding {}

    private static final JsonNode SCHEMA = AgentRun.json()
            .createObjectNode()
            .put("type", "object")
            .set("properties", AgentRun.json().createObjectNode());
    private static final AgentSpec SPEC = new AgentSpec(
            "echo", Set.of("get_data_product"), "triage", SCHEMA, new Budgets(2, 1, Duration.ofSeconds(30)));

    /** The product's catalog and the echo agent. */
    public static Catalog catalog() {
        return Agents.catalog().with(descriptor());
    }

    public static AgentDescriptor<String, Echo> descriptor() {
        return new AgentDescriptor<>(
                new EchoAgent(),
                "Echo a data product (a test agent).",
                AgentInput.text("product", "PRODUCT", "The product id, e.g. orders.orders.", "a product id"),
                new Renderers<>(
                        run -> "# " + run.report().product() + " "
                                + run.report().status() + "\n\n" + RunFooter.render(run.run(), "this echo"),
                        Echo::status,
                        null),
                new McpFace(
                        "echo_product",
                        "Echo a product",
                        "Reads a data product and echoes its status (a test agent).",
                        "echoing",
                        "echoed",
                        "echo-product",
                        "Echo",
                        p -> "Echo a product (" + p.ref() + ").",
                        "The product id",
                        (input, p) -> "Call echo_product with product=\"" + input + "\"."));
    }

    @Override
    public AgentSpec spec() {
        return SPEC;
    }

    @Override
    public Class<Echo> reportType() {
        return Echo.class;
    }

    @Override
    public Echo playbook(ToolBox tools, String product) {
        Evidence e = tools.call("get_data_product", DataChecks.args("id", product), "playbook");
        if (!e.hasData()) {
            throw new MeshpilotException(
                    ErrorCode.NOT_FOUND,
                    "no product " + product + ": " + e.result().message());
        }
        return new Echo(product, e.result().status().wireName(), List.of(e.id()));
    }

    @Override
    public Map<String, Object> promptVariables(String input, Echo draft, ToolBox tools) {
        return Map.of();
    }

    @Override
    public Grounded<Echo> ground(Echo report, Set<String> known) {
        Grounding g = new Grounding(known);
        Echo out = g.check(report, r -> "echo " + r.product(), new Echo(report.product(), "unknown", List.of()));
        return new Grounded<>(out, g.dropped());
    }

    @Override
    public Grounded<Echo> guardVerdict(Echo model, Echo baseline) {
        return new Grounded<>(model, List.of());
    }
}
