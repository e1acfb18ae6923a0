package dev.meshpilot.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import java.util.List;

/**
 * Where the MCP server's prompts come from. The agents' versioned prompts (files under {@code prompts/},
 * issue #5) will be offered through an implementation of this interface; until then Meshpilot offers
 * {@link #NONE} and does not declare the prompts capability. The conformance profile supplies the
 * official suite's fixture prompts through it.
 */
@FunctionalInterface
public interface PromptSource {
    /** No prompts. */
    PromptSource NONE = List::of;

    /** The prompts to offer; read once, when the server is built. */
    List<AsyncPromptSpecification> prompts();
}
