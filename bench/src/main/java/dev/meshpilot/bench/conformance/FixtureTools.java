package dev.meshpilot.bench.conformance;

import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/** The conformance suite's {@code test_*} tools, each as its scenario describes it. */
final class FixtureTools {
    private static final Map<String, Object> NO_ARGS = Map.of("type", "object", "additionalProperties", false);

    private FixtureTools() {}

    static List<AsyncToolSpecification> all() {
        return List.of(
                tool(
                        "test_simple_text",
                        NO_ARGS,
                        (ex, req) -> Mono.just(text("This is a simple text response for testing."))),
                tool("test_image_content", NO_ARGS, (ex, req) -> Mono.just(result(image()))),
                tool(
                        "test_audio_content",
                        NO_ARGS,
                        (ex, req) -> Mono.just(result(McpSchema.AudioContent.builder(Media.WAV, "audio/wav")
                                .build()))),
                tool(
                        "test_embedded_resource",
                        NO_ARGS,
                        (ex, req) -> Mono.just(result(embedded(
                                "test://embedded-resource", "text/plain", "This is an embedded resource content.")))),
                tool(
                        "test_multiple_content_types",
                        NO_ARGS,
                        (ex, req) -> Mono.just(result(
                                new McpSchema.TextContent("Multiple content types test:"),
                                image(),
                                embedded(
                                        "test://mixed-content-resource",
                                        "application/json",
                                        "{\"test\":\"data\",\"value\":123}")))),
                tool("test_tool_with_logging", NO_ARGS, FixtureTools::logging),
                tool(
                        "test_error_handling",
                        NO_ARGS,
                        (ex, req) -> Mono.just(McpSchema.CallToolResult.builder()
                                .content(List.of(new McpSchema.TextContent(
                                        "This tool intentionally returns an error for testing")))
                                .isError(true)
                                .build())),
                tool("test_tool_with_progress", NO_ARGS, FixtureTools::progress),
                tool("test_sampling", args("prompt", "The prompt to send to the LLM"), FixtureTools::sampling),
                tool("test_elicitation", args("message", "The message to show the user"), FixtureTools::elicitation),
                tool(
                        "test_elicitation_sep1034_defaults",
                        NO_ARGS,
                        (ex, req) -> elicit(ex, "Please review the defaults", Schemas.DEFAULTS)),
                tool(
                        "test_elicitation_sep1330_enums",
                        NO_ARGS,
                        (ex, req) -> elicit(ex, "Please choose options", Schemas.ENUMS)));
    }

    private static Mono<McpSchema.CallToolResult> logging(McpAsyncServerExchange ex, McpSchema.CallToolRequest req) {
        return log(ex, "Tool execution started")
                .then(Mono.delay(Duration.ofMillis(50)))
                .then(log(ex, "Tool processing data"))
                .then(Mono.delay(Duration.ofMillis(50)))
                .then(log(ex, "Tool execution completed"))
                .thenReturn(text("Tool with logging executed successfully"));
    }

    private static Mono<Void> log(McpAsyncServerExchange ex, String message) {
        return ex.loggingNotification(McpSchema.LoggingMessageNotification.builder(McpSchema.LoggingLevel.INFO, message)
                .logger("conformance")
                .build());
    }

    private static Mono<McpSchema.CallToolResult> progress(McpAsyncServerExchange ex, McpSchema.CallToolRequest req) {
        Object token = req.progressToken();
        return step(ex, token, 0)
                .then(Mono.delay(Duration.ofMillis(50)))
                .then(step(ex, token, 50))
                .then(Mono.delay(Duration.ofMillis(50)))
                .then(step(ex, token, 100))
                .thenReturn(text("Tool with progress executed successfully"));
    }

    private static Mono<Void> step(McpAsyncServerExchange ex, Object token, double progress) {
        return token == null
                ? Mono.empty()
                : ex.progressNotification(McpSchema.ProgressNotification.builder(token, progress)
                        .total(100.0)
                        .build());
    }

    private static Mono<McpSchema.CallToolResult> sampling(McpAsyncServerExchange ex, McpSchema.CallToolRequest req) {
        String prompt = String.valueOf(req.arguments().getOrDefault("prompt", ""));
        McpSchema.CreateMessageRequest request = McpSchema.CreateMessageRequest.builder(
                        List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, new McpSchema.TextContent(prompt))),
                        100)
                .build();
        return ex.createMessage(request)
                .map(r -> text("LLM response: "
                        + (r.content() instanceof McpSchema.TextContent t ? t.text() : String.valueOf(r.content()))))
                .onErrorResume(e -> Mono.just(error("sampling failed: " + e.getMessage())));
    }

    private static Mono<McpSchema.CallToolResult> elicitation(
            McpAsyncServerExchange ex, McpSchema.CallToolRequest req) {
        String message = String.valueOf(req.arguments().getOrDefault("message", ""));
        return ex.createElicitation(McpSchema.ElicitFormRequest.builder(message, Schemas.USER)
                        .build())
                .map(r -> text("User response: action=" + r.action() + ", content=" + r.content()))
                .onErrorResume(e -> Mono.just(error("elicitation failed: " + e.getMessage())));
    }

    private static Mono<McpSchema.CallToolResult> elicit(
            McpAsyncServerExchange ex, String message, Map<String, Object> schema) {
        return ex.createElicitation(
                        McpSchema.ElicitFormRequest.builder(message, schema).build())
                .map(r -> text("Elicitation completed: action=" + r.action() + ", content=" + r.content()))
                .onErrorResume(e -> Mono.just(error("elicitation failed: " + e.getMessage())));
    }

    private static AsyncToolSpecification tool(
            String name,
            Map<String, Object> schema,
            BiFunction<McpAsyncServerExchange, McpSchema.CallToolRequest, Mono<McpSchema.CallToolResult>> handler) {
        return new AsyncToolSpecification(
                McpSchema.Tool.builder()
                        .name(name)
                        .description("Conformance fixture " + name + ".")
                        .inputSchema(schema)
                        .build(),
                handler);
    }

    private static Map<String, Object> args(String name, String description) {
        return Map.of(
                "type", "object",
                "properties", Map.of(name, Map.of("type", "string", "description", description)),
                "required", List.of(name));
    }

    static McpSchema.ImageContent image() {
        return McpSchema.ImageContent.builder(Media.PNG, "image/png").build();
    }

    static McpSchema.EmbeddedResource embedded(String uri, String mimeType, String text) {
        return McpSchema.EmbeddedResource.builder(new McpSchema.TextResourceContents(uri, mimeType, text))
                .build();
    }

    private static McpSchema.CallToolResult result(McpSchema.Content... content) {
        return McpSchema.CallToolResult.builder()
                .content(List.of(content))
                .isError(false)
                .build();
    }

    private static McpSchema.CallToolResult text(String text) {
        return result(new McpSchema.TextContent(text));
    }

    private static McpSchema.CallToolResult error(String text) {
        return McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(text)))
                .isError(true)
                .build();
    }
}
