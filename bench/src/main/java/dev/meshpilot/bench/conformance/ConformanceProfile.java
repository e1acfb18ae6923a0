package dev.meshpilot.bench.conformance;

import dev.meshpilot.server.mcp.McpProfile;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The profile of {@code meshpilot bench conformance}: exactly the fixtures the official suite's scored
 * server scenarios call (tools, {@code test://} resources and template, prompts, prompt-argument completion),
 * with resource subscriptions declared.
 */
public final class ConformanceProfile {
    private ConformanceProfile() {}

    public static McpProfile create() {
        return new McpProfile(
                FixtureTools.all(), resources(), List.of(template()), List.of(completion()), FixturePrompts::all, true);
    }

    private static List<AsyncResourceSpecification> resources() {
        return List.of(
                text("test://static-text", "static-text", "This is the content of the static text resource."),
                new AsyncResourceSpecification(
                        resource("test://static-binary", "static-binary", "image/png"),
                        (ex, req) -> Mono.just(new McpSchema.ReadResourceResult(
                                List.of(new McpSchema.BlobResourceContents(req.uri(), "image/png", Media.PNG))))),
                text("test://watched-resource", "watched-resource", "A resource clients may subscribe to."));
    }

    private static AsyncResourceSpecification text(String uri, String name, String content) {
        return new AsyncResourceSpecification(
                resource(uri, name, "text/plain"),
                (ex, req) -> Mono.just(new McpSchema.ReadResourceResult(
                        List.of(new McpSchema.TextResourceContents(req.uri(), "text/plain", content)))));
    }

    private static McpSchema.Resource resource(String uri, String name, String mimeType) {
        return McpSchema.Resource.builder(uri, name)
                .description("Conformance fixture " + uri)
                .mimeType(mimeType)
                .build();
    }

    private static AsyncResourceTemplateSpecification template() {
        String uriTemplate = "test://template/{id}/data";
        return new AsyncResourceTemplateSpecification(
                McpSchema.ResourceTemplate.builder(uriTemplate, "template-data")
                        .description("Conformance fixture template")
                        .mimeType("application/json")
                        .build(),
                (ex, req) -> {
                    String id = req.uri()
                            .substring("test://template/".length(), req.uri().length() - "/data".length());
                    String json = "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
                    return Mono.just(new McpSchema.ReadResourceResult(
                            List.of(new McpSchema.TextResourceContents(req.uri(), "application/json", json))));
                });
    }

    private static AsyncCompletionSpecification completion() {
        return new AsyncCompletionSpecification(
                new McpSchema.PromptReference("test_prompt_with_arguments"), (ex, req) -> {
                    String prefix =
                            req.argument().value() == null ? "" : req.argument().value();
                    List<String> values = List.of("paris", "park", "party", "test", "testing").stream()
                            .filter(v -> v.startsWith(prefix))
                            .toList();
                    return Mono.just(new McpSchema.CompleteResult(
                            new McpSchema.CompleteResult.CompleteCompletion(values, values.size(), false)));
                });
    }
}
