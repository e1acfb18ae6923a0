package dev.meshpilot.agents.runtime;

import dev.langchain4j.model.chat.ChatModel;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.principal.Principal;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * How to run an agent: as whom, in which mode, with which model (LLM mode) and prompt version (null: the
 * agent's own), under which run id, and a cancellation check (e.g. an MCP client's cancel).
 */
public record RunOptions(
        Principal principal,
        Mode mode,
        ChatModel model,
        ModelConfig modelConfig,
        String prompt,
        String runId,
        BooleanSupplier cancelled) {
    /** Playbook (no model, the default) or LLM; in JSON {@code playbook} or {@code llm}. */
    public enum Mode {
        PLAYBOOK,
        LLM;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RunOptions {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.LLM && (model == null || modelConfig == null)) {
            throw new MeshpilotException(
                    ErrorCode.LLM_UNAVAILABLE, "LLM mode needs a configured model (see docs/configuration.md#models)");
        }
        runId = runId == null ? UUID.randomUUID().toString() : runId;
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    public static RunOptions playbook(Principal principal) {
        return new RunOptions(principal, Mode.PLAYBOOK, null, null, null, null, null);
    }

    public static RunOptions llm(Principal principal, ChatModel model, ModelConfig config) {
        return new RunOptions(principal, Mode.LLM, model, config, null, null, null);
    }

    public RunOptions withPrompt(String ref) {
        return new RunOptions(principal, mode, model, modelConfig, ref, runId, cancelled);
    }

    public RunOptions withCancellation(BooleanSupplier check) {
        return new RunOptions(principal, mode, model, modelConfig, prompt, runId, check);
    }
}
