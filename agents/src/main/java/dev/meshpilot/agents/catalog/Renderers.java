package dev.meshpilot.agents.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.runtime.AgentRun;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * How a run of an agent is shown: Markdown (terminal, ticket, MCP text), a one-line headline for logs (e.g.
 * the severity), chat blocks (empty until chat exists), further formats by name (e.g. {@code sarif} for CI), and
 * the CLI's exit code for a report (0 unless the agent says its answer is "bad", e.g. a failed {@code --check}).
 * JSON is the same for every agent: {@link AgentRun#toJson()}.
 *
 * @param <R> the report type
 */
public record Renderers<R>(
        Function<AgentRun<R>, String> markdown,
        Function<R, String> headline,
        Function<AgentRun<R>, List<ChatBlock>> chat,
        Map<String, Function<AgentRun<R>, String>> formats,
        ToIntFunction<R> exitCode) {
    public Renderers {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(headline, "headline");
        chat = chat == null ? run -> List.of(ChatBlock.markdown(markdown.apply(run))) : chat;
        formats = formats == null ? Map.of() : Map.copyOf(formats);
        exitCode = exitCode == null ? r -> 0 : exitCode;
    }

    /** Markdown, headline and chat; no other format, exit code 0. */
    public Renderers(
            Function<AgentRun<R>, String> markdown,
            Function<R, String> headline,
            Function<AgentRun<R>, List<ChatBlock>> chat) {
        this(markdown, headline, chat, null, null);
    }

    /** The run's JSON: the report with the run record under {@code run}. */
    public ObjectNode json(AgentRun<R> run) {
        return run.toJson();
    }

    /** One block of a chat message; {@code type} {@code markdown} until chat adds richer ones. */
    public record ChatBlock(String type, String text) {
        public static ChatBlock markdown(String text) {
            return new ChatBlock("markdown", text);
        }
    }
}
