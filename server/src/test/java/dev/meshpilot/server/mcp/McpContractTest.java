package dev.meshpilot.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every MCP transport must do, checked with the SDK's own Java client on the demo mesh: one subclass
 * per transport supplies a connected, initialized client for a principal.
 */
abstract class McpContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<McpSyncClient> clients = new ArrayList<>();
    final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    final List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();

    /** A client connected as {@code principal}, not yet initialized; it must report progress and logs here. */
    abstract McpSyncClient connect(String principal);

    McpSyncClient client(String principal) {
        McpSyncClient c = connect(principal);
        clients.add(c);
        c.initialize();
        return c;
    }

    @AfterEach
    void closeClients() {
        clients.forEach(McpSyncClient::closeGracefully);
    }

    @Test
    void should_initialize_with_the_latest_protocol_and_declare_tools_resources_completion_and_logging() {
        McpSyncClient c = client("alice");

        McpSchema.InitializeResult init = c.getCurrentInitializationResult();
        assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
        assertThat(init.serverInfo().name()).isEqualTo("meshpilot");
        assertThat(init.capabilities().tools()).isNotNull();
        assertThat(init.capabilities().resources()).isNotNull();
        assertThat(init.capabilities().completions()).isNotNull();
        assertThat(init.capabilities().logging()).isNotNull();
        assertThat(init.capabilities().prompts()).as("the agents' prompts").isNotNull();
        assertThat(c.ping()).isNotNull();
    }

    @Test
    void should_triage_an_incident_as_the_caller_with_the_clis_report() {
        McpSchema.CallToolResult r = client("alice")
                .callTool(McpSchema.CallToolRequest.builder("triage_incident")
                        .arguments(Map.of("incident", "INC-1001"))
                        .build());
        assertThat(r.isError()).as(String.valueOf(r.content())).isFalse();
        Map<?, ?> report = (Map<?, ?>) r.structuredContent();
        assertThat(((Map<?, ?>) report.get("rootCause")).get("product")).isEqualTo("payments.transactions");
        assertThat(((Map<?, ?>) report.get("rootCause")).get("errorClass")).isEqualTo("schema_mismatch");
        Map<?, ?> run = (Map<?, ?>) report.get("run");
        assertThat(run.get("principal")).isEqualTo("alice");
        assertThat(run.get("mode")).isEqualTo("playbook");
        assertThat(((McpSchema.TextContent) r.content().get(0)).text()).startsWith("# INC-1001 — SEV1");

        McpSchema.CallToolResult missing = client("alice")
                .callTool(McpSchema.CallToolRequest.builder("triage_incident")
                        .arguments(Map.of("incident", "INC-9999"))
                        .build());
        assertThat(missing.isError()).isTrue();
    }

    @Test
    void should_summarize_anomalies_with_optional_arguments_as_the_caller() {
        McpSchema.CallToolResult r = client("alice")
                .callTool(McpSchema.CallToolRequest.builder("summarize_anomalies")
                        .arguments(Map.of("scope", "customers", "since", "2026-11-18"))
                        .build());
        assertThat(r.isError()).as(String.valueOf(r.content())).isFalse();
        Map<?, ?> report = (Map<?, ?>) r.structuredContent();
        Map<?, ?> first = (Map<?, ?>) ((List<?>) report.get("groups")).get(0);
        assertThat(((Map<?, ?>) first.get("root")).get("product")).isEqualTo("customers.customer_profile");
        assertThat(((McpSchema.TextContent) r.content().get(0)).text()).startsWith("# Anomalies in domain customers");

        McpSchema.CallToolResult bad = client("alice")
                .callTool(McpSchema.CallToolRequest.builder("summarize_anomalies")
                        .arguments(Map.of("scope", "nope"))
                        .build());
        assertThat(bad.isError()).isTrue();
    }

    @Test
    void should_refuse_llm_mode_without_a_model_and_undeclared_arguments_like_every_tool() {
        McpSchema.CallToolResult llm = client("alice")
                .callTool(McpSchema.CallToolRequest.builder("triage_incident")
                        .arguments(Map.of("incident", "INC-1001", "mode", "llm"))
                        .build());
        assertThat(llm.isError()).isTrue();
        assertThat(((McpSchema.TextContent) llm.content().get(0)).text())
                .contains("mode llm needs a model", "MESHPILOT_MODEL_PROVIDER");

        McpSchema.CallToolResult undeclared = client("alice")
                .callTool(McpSchema.CallToolRequest.builder("triage_incident")
                        .arguments(Map.of("incident", "INC-1001", "model", "gpt"))
                        .build());
        assertThat(undeclared.isError()).isTrue();
        assertThat(((McpSchema.TextContent) undeclared.content().get(0)).text()).contains("unknown argument 'model'");
    }

    @Test
    void should_offer_the_triage_prompt_for_the_ide_prompt_menu() {
        McpSyncClient c = client("alice");
        assertThat(c.listPrompts().prompts()).extracting(McpSchema.Prompt::name).contains("triage-incident");
        McpSchema.GetPromptResult p =
                c.getPrompt(new McpSchema.GetPromptRequest("triage-incident", Map.of("incident", "INC-1002")));
        String text = ((McpSchema.TextContent) p.messages().get(0).content()).text();
        assertThat(text).contains("triage_incident", "INC-1002", "triage@v");
    }

    @Test
    void should_offer_the_gate_tools_under_mcp_names_with_input_and_output_schemas() {
        List<McpSchema.Tool> tools = client("alice").listTools().tools();

        assertThat(tools)
                .extracting(McpSchema.Tool::name)
                .contains("sql_query")
                .allMatch(n -> n.matches("[a-zA-Z0-9_-]+"));
        assertThat(tools).extracting(McpSchema.Tool::name).noneMatch(n -> n.startsWith("resource_"));
        McpSchema.Tool sql = tools.stream()
                .filter(t -> t.name().equals("sql_query"))
                .findFirst()
                .orElseThrow();
        assertThat(sql.inputSchema()).containsEntry("required", List.of("query"));
        assertThat(sql.outputSchema()).containsEntry("type", "object");
    }

    @Test
    void should_answer_an_allowed_call_with_structured_content_the_same_json_as_text_progress_and_a_log_line() {
        McpSyncClient c = client("alice");
        c.setLoggingLevel(McpSchema.LoggingLevel.DEBUG);

        McpSchema.CallToolResult r = c.callTool(McpSchema.CallToolRequest.builder("sql_query")
                .arguments(Map.of("query", "SELECT count(*) AS n FROM orders__orders_daily"))
                .progressToken("t-1")
                .build());

        assertThat(r.isError()).isFalse();
        assertThat(r.structuredContent()).isInstanceOf(Map.class);
        Map<?, ?> data = (Map<?, ?>) r.structuredContent();
        assertThat(data.get("columns")).isEqualTo(List.of("n"));
        String text = ((McpSchema.TextContent) r.content().get(0)).text();
        assertThat(text).contains("\"columns\":[\"n\"]");
        assertThat(r.meta()).containsEntry("dev.meshpilot/status", "ok").containsKey("dev.meshpilot/auditSeq");
        assertThat(progress)
                .extracting(McpSchema.ProgressNotification::progressToken)
                .contains("t-1");
        assertThat(logs)
                .extracting(McpSchema.LoggingMessageNotification::data)
                .anyMatch(l -> l.startsWith("sql.query ok"));
    }

    @Test
    void should_never_show_pii_to_a_caller_without_pii_read() {
        String query = "SELECT customer_id, email, lower(email) AS e FROM customers__customer_360 LIMIT 5";
        McpSchema.CallToolResult marketer = client("priya")
                .callTool(McpSchema.CallToolRequest.builder("sql_query")
                        .arguments(Map.of("query", query))
                        .build());
        String masked = ((McpSchema.TextContent) marketer.content().get(0)).text();
        assertThat(marketer.isError()).as(masked).isFalse();
        assertThat(masked).contains("[REDACTED]").doesNotContain("@");
        assertThat(String.valueOf(marketer.structuredContent())).doesNotContain("@");

        McpSchema.CallToolResult steward = client("carmen")
                .callTool(McpSchema.CallToolRequest.builder("sql_query")
                        .arguments(Map.of("query", query))
                        .build());
        assertThat(((McpSchema.TextContent) steward.content().get(0)).text()).contains("@");
    }

    @Test
    void should_log_routine_calls_at_debug_and_refusals_at_warning_so_a_default_client_hears_only_refusals() {
        McpSyncClient c = client("priya"); // the default level: info

        McpSchema.CallToolResult ok = c.callTool(McpSchema.CallToolRequest.builder("get_data_product")
                .arguments(Map.of("id", "orders.orders_daily"))
                .build());
        McpSchema.CallToolResult denied = c.callTool(McpSchema.CallToolRequest.builder("sql_query")
                .arguments(Map.of("query", "SELECT * FROM payments__transactions"))
                .build());

        assertThat(ok.isError()).isFalse();
        assertThat(denied.isError()).isTrue();
        // the refusal's line comes after the routine call's would have: its arrival shows none was sent
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (logs.stream().noneMatch(l -> l.data().startsWith("sql.query denied")) && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(logs)
                .extracting(McpSchema.LoggingMessageNotification::data)
                .anyMatch(l -> l.startsWith("sql.query denied"));
        assertThat(logs)
                .extracting(McpSchema.LoggingMessageNotification::data)
                .noneMatch(l -> l.startsWith("get_data_product"));
        assertThat(logs)
                .filteredOn(l -> l.data().startsWith("sql.query denied"))
                .extracting(McpSchema.LoggingMessageNotification::level)
                .containsOnly(McpSchema.LoggingLevel.WARNING);
    }

    @Test
    void should_answer_a_denied_call_with_an_is_error_result_that_says_why() {
        McpSchema.CallToolResult r = client("priya")
                .callTool(McpSchema.CallToolRequest.builder("sql_query")
                        .arguments(Map.of("query", "SELECT * FROM payments__transactions"))
                        .build());

        assertThat(r.isError()).isTrue();
        assertThat(((McpSchema.TextContent) r.content().get(0)).text())
                .contains("sql.query denied (audit #")
                .contains("payments__transactions is not readable");
    }

    @Test
    void should_refuse_a_call_without_required_arguments_as_an_is_error_result() {
        McpSchema.CallToolResult r = client("alice")
                .callTool(McpSchema.CallToolRequest.builder("sql_query")
                        .arguments(Map.of())
                        .build());

        assertThat(r.isError()).isTrue();
        assertThat(((McpSchema.TextContent) r.content().get(0)).text()).contains("invalid arguments");
    }

    @Test
    void should_list_mesh_resources_in_pages_and_read_one_through_the_gate() {
        McpSyncClient c = client("alice");

        List<McpSchema.Resource> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            McpSchema.ListResourcesResult page = c.listResources(cursor);
            all.addAll(page.resources());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(all)
                .extracting(McpSchema.Resource::uri)
                .contains("mesh://products/finance.revenue_daily", "mesh://runbooks/RB-access-denied")
                .anyMatch(u -> u.startsWith("mesh://incidents/INC-"))
                .anyMatch(u -> u.startsWith("mesh://contracts/"));
        assertThat(pages).as("the demo mesh has more than one page").isGreaterThan(1);
        assertThat(c.listResourceTemplates().resourceTemplates())
                .extracting(McpSchema.ResourceTemplate::uriTemplate)
                .contains("mesh://products/{id}", "mesh://contracts/{id}/{version}", "mesh://incidents/{id}");

        McpSchema.ReadResourceResult product =
                c.readResource(new McpSchema.ReadResourceRequest("mesh://products/finance.revenue_daily"));
        McpSchema.TextResourceContents text =
                (McpSchema.TextResourceContents) product.contents().get(0);
        assertThat(text.mimeType()).isEqualTo("application/json");
        assertThat(text.text()).contains("\"id\":\"finance.revenue_daily\"");
    }

    @Test
    void should_read_a_product_and_an_incident_as_resources_in_the_json_the_tools_return() throws Exception {
        McpSyncClient c = client("alice");

        JsonNode product = resourceAndTool(c, "mesh://products/finance.revenue_daily", "get_data_product");
        JsonNode incident = resourceAndTool(c, "mesh://incidents/INC-1001", "get_incident");

        assertThat(product.path("domain").path("id").asText()).isEqualTo("finance");
        assertThat(product.path("owner").path("team").asText()).isEqualTo("finance-team");
        assertThat(product.has("ownerDeclared") && product.has("contract") && product.has("slos"))
                .isTrue();
        assertThat(incident.path("id").asText()).isEqualTo("INC-1001");
        assertThat(incident.has("product") && incident.has("errorClass") && incident.has("fingerprint"))
                .isTrue();
    }

    /** The resource's JSON, after checking it is the structured content of the tool call on the same id. */
    private static JsonNode resourceAndTool(McpSyncClient c, String uri, String tool) throws Exception {
        McpSchema.TextResourceContents text =
                (McpSchema.TextResourceContents) c.readResource(new McpSchema.ReadResourceRequest(uri))
                        .contents()
                        .get(0);
        JsonNode resource = JSON.readTree(text.text());
        McpSchema.CallToolResult call = c.callTool(McpSchema.CallToolRequest.builder(tool)
                .arguments(Map.of("id", uri.substring(uri.lastIndexOf('/') + 1)))
                .build());
        assertThat(call.isError()).as(tool).isFalse();
        assertThat(resource).as(uri).isEqualTo(JSON.valueToTree(call.structuredContent()));
        return resource;
    }

    @Test
    void should_refuse_a_resource_outside_the_grants_and_say_not_found_for_an_unknown_one() {
        McpSyncClient priya = client("priya");

        assertThatThrownBy(() -> priya.readResource(new McpSchema.ReadResourceRequest("mesh://incidents/INC-1001")))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("incidents:read");
        assertThatThrownBy(() -> priya.readResource(new McpSchema.ReadResourceRequest("mesh://products/orders.nope")))
                .isInstanceOf(McpError.class)
                .satisfies(
                        e -> assertThat(((McpError) e).getJsonRpcError().code()).isEqualTo(-32002));
        assertThat(priya.listResources().resources())
                .extracting(McpSchema.Resource::uri)
                .noneMatch(u -> u.startsWith("mesh://incidents/"));
    }

    @Test
    void should_complete_product_ids_by_prefix() {
        McpSchema.CompleteResult r = client("alice")
                .completeCompletion(new McpSchema.CompleteRequest(
                        new McpSchema.ResourceReference("mesh://products/{id}"),
                        new McpSchema.CompleteRequest.CompleteArgument("id", "pay")));

        assertThat(r.completion().values()).containsExactly("payments.refunds", "payments.transactions");
    }
}
