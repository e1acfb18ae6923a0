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
 * the severity), chat blocks ({@link ChatBlock}; the Markdown as one block when an agent has none), further formats by name (e.g. {@code sarif} for CI), and
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

    /**
     * One block of a chat message, independent of any chat product's wire format: {@code header} (one line of plain
     * text), {@code section} (chat markdown: {@code *bold*}, {@code _italic_}, {@code `code`}, lines starting with
     * {@code •}), {@code context} (small print), {@code divider}, or {@code markdown} (a whole Markdown rendering,
     * the fallback of an agent without chat renderers). An adapter (Slack's Block Kit, ...) maps them to its own
     * blocks and escapes the text for its markup.
     */
    public record ChatBlock(String type, String text) {
        public ChatBlock {
            java.util.Objects.requireNonNull(type, "type");
            text = text == null ? "" : text;
        }

        public static ChatBlock markdown(String text) {
            return new ChatBlock("markdown", text);
        }

        public static ChatBlock header(String text) {
            return new ChatBlock("header", text);
        }

        public static ChatBlock section(String text) {
            return new ChatBlock("section", text);
        }

        public static ChatBlock context(String text) {
            return new ChatBlock("context", text);
        }

        public static ChatBlock divider() {
            return new ChatBlock("divider", "");
        }
    }
}
