package dev.meshpilot.bench.conformance;

import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** The conformance suite's {@code test_*} prompts. */
final class FixturePrompts {
    private FixturePrompts() {}

    static List<AsyncPromptSpecification> all() {
        return List.of(
                prompt(
                        "test_simple_prompt",
                        List.of(),
                        args -> List.of(user(new McpSchema.TextContent("This is a simple prompt for testing.")))),
                prompt(
                        "test_prompt_with_arguments",
                        List.of(argument("arg1", "First test argument"), argument("arg2", "Second test argument")),
                        args -> List.of(user(new McpSchema.TextContent("Prompt with arguments: arg1='"
                                + args.get("arg1") + "', arg2='" + args.get("arg2") + "'")))),
                prompt(
                        "test_prompt_with_embedded_resource",
                        List.of(argument("resourceUri", "URI of the resource to embed")),
                        args -> List.of(
                                user(FixtureTools.embedded(
                                        String.valueOf(args.get("resourceUri")),
                                        "text/plain",
                                        "Embedded resource content for testing.")),
                                user(new McpSchema.TextContent("Please process the embedded resource above.")))),
                prompt(
                        "test_prompt_with_image",
                        List.of(),
                        args -> List.of(
                                user(FixtureTools.image()),
                                user(new McpSchema.TextContent("Please analyze the image above.")))));
    }

    private static AsyncPromptSpecification prompt(
            String name,
            List<McpSchema.PromptArgument> arguments,
            Function<Map<String, Object>, List<McpSchema.PromptMessage>> messages) {
        return new AsyncPromptSpecification(
                McpSchema.Prompt.builder(name)
                        .description("Conformance fixture " + name + ".")
                        .arguments(arguments)
                        .build(),
                (ex, req) -> Mono.just(McpSchema.GetPromptResult.builder(
                                messages.apply(req.arguments() == null ? Map.of() : req.arguments()))
                        .description(name)
                        .build()));
    }

    private static McpSchema.PromptArgument argument(String name, String description) {
        return McpSchema.PromptArgument.builder(name)
                .description(description)
                .required(true)
                .build();
    }

    private static McpSchema.PromptMessage user(McpSchema.Content content) {
        return new McpSchema.PromptMessage(McpSchema.Role.USER, content);
    }
}
