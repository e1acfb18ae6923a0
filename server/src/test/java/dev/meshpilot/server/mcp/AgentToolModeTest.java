package dev.meshpilot.server.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.config.McpConfig;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.http.MeshpilotServer;
import dev.meshpilot.server.http.RestAuth;
import dev.meshpilot.server.wiring.Sandbox;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agent tool over MCP takes {@code mode} and runs on the server's model in LLM mode, falling back to the
 * playbook as the CLI does; its arguments are validated like every tool's (WireMock plays the model).
 */
class AgentToolModeTest {
    static MeshpilotServer server;
    static Sandbox sandbox;
    static WireMockServer model;
    static McpSyncClient client;

    @BeforeAll
    static void start() {
        model = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        model.start();
        McpConfig mcp = new McpConfig(List.of(McpHttpTest.grant("alice")), null, null, List.of(), List.of());
        ServerConfig config = new ServerConfig("127.0.0.1", 0, 1 << 20, mcp);
        MeshStore store = MeshStore.open(DemoHome.get().resolve("meshpilot.db"));
        sandbox = Sandbox.open(DemoHome.get(), store, Limits.DEFAULT);
        BearerAuth bearer = new BearerAuth(config.mcp(), sandbox.principals()::resolve);
        ModelConfig llm = new ModelConfig(
                "openai", model.baseUrl() + "/v1", "test-model", "sk-test", Duration.ofSeconds(5), 0, null);
        server = MeshpilotServer.start(
                config,
                store,
                new RestAuth(config, bearer, sandbox.audit()),
                sandbox::committed,
                sandbox::incidentsTouched,
                McpHttp.open(config, sandbox, store, bearer, Optional.of(llm)));
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                        .endpoint("/mcp")
                        .jsonMapper(McpEndpoint.JSON)
                        .httpRequestCustomizer(
                                (b, method, uri, body, ctx) -> b.header("Authorization", "Bearer token-alice"))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .jsonSchemaValidator(new SchemaValidator())
                .build();
        client.initialize();
    }

    @AfterAll
    static void stop() {
        client.closeGracefully();
        server.close();
        sandbox.close();
        model.stop();
    }

    static McpSchema.CallToolResult triage(Map<String, Object> args) {
        return client.callTool(McpSchema.CallToolRequest.builder("triage_incident")
                .arguments(args)
                .build());
    }

    static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    void should_declare_mode_in_the_agent_tools_input_schema() {
        McpSchema.Tool tool = client.listTools().tools().stream()
                .filter(t -> t.name().equals("triage_incident"))
                .findFirst()
                .orElseThrow();
        assertThat(tool.inputSchema()).containsEntry("additionalProperties", false);
        assertThat(tool.inputSchema().get("properties").toString()).contains("incident=", "mode=");
    }

    @Test
    void should_refuse_an_undeclared_argument_and_a_mode_it_does_not_know() {
        McpSchema.CallToolResult unknown = triage(Map.of("incident", "INC-1001", "verbose", true));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("unknown argument 'verbose'", "[incident, mode]");

        McpSchema.CallToolResult fast = triage(Map.of("incident", "INC-1001", "mode", "fast"));
        assertThat(fast.isError()).isTrue();
        assertThat(text(fast)).contains("mode");
    }

    @Test
    void should_run_the_model_in_llm_mode_and_fall_back_like_the_cli_when_it_fails() throws Exception {
        McpSchema.CallToolResult playbook = triage(Map.of("incident", "INC-1001", "mode", "playbook"));
        assertThat(playbook.isError()).as(text(playbook)).isFalse();
        ObjectNode answer = JsonTrees.JSON.valueToTree(playbook.structuredContent());
        answer.remove("run");
        answer.put("summary", "Model: the transactions load refused an undeclared card_number column.");
        model.resetAll();
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id":"c1","object":"chat.completion","created":1764061200,"model":"test-model",
                                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                                 "usage":{"prompt_tokens":10,"completion_tokens":10,"total_tokens":20}}""".formatted(TextNode.valueOf(answer.toString())))));

        McpSchema.CallToolResult llm = triage(Map.of("incident", "INC-1001", "mode", "llm"));
        assertThat(llm.isError()).as(text(llm)).isFalse();
        Map<?, ?> run = (Map<?, ?>) ((Map<?, ?>) llm.structuredContent()).get("run");
        assertThat(run.get("mode")).isEqualTo("llm");
        assertThat(run.get("model")).isEqualTo("openai:test-model");
        assertThat(((Map<?, ?>) llm.structuredContent()).get("summary"))
                .asString()
                .startsWith("Model:");

        model.resetAll();
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(500).withBody("{}")));
        McpSchema.CallToolResult fallback = triage(Map.of("incident", "INC-1001", "mode", "llm"));
        assertThat(fallback.isError()).isFalse();
        Map<?, ?> fell = (Map<?, ?>) ((Map<?, ?>) fallback.structuredContent()).get("run");
        assertThat(fell.get("ranAs")).isEqualTo("playbook");
        assertThat(fell.get("fallbackReason")).isEqualTo("status: model server error (HTTP 500)");
    }
}
