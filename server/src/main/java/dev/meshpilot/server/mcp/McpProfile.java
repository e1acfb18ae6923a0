package dev.meshpilot.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.AsyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import java.util.List;

/**
 * What a server offers besides the mesh's own tools and resources: {@link #STANDARD} adds nothing; the
 * conformance profile adds the official suite's fixtures. {@code subscriptions} declares resource
 * subscriptions, which only the fixtures need (Meshpilot sends no updates for mesh resources yet). Immutable.
 */
public record McpProfile(
        List<AsyncToolSpecification> tools,
        List<AsyncResourceSpecification> resources,
        List<AsyncResourceTemplateSpecification> templates,
        List<AsyncCompletionSpecification> completions,
        PromptSource prompts,
        boolean subscriptions) {
    public static final McpProfile STANDARD =
            new McpProfile(List.of(), List.of(), List.of(), List.of(), PromptSource.NONE, false);

    public McpProfile {
        tools = List.copyOf(tools);
        resources = List.copyOf(resources);
        templates = List.copyOf(templates);
        completions = List.copyOf(completions);
    }
}
