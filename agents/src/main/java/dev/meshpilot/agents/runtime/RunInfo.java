package dev.meshpilot.agents.runtime;

import java.time.Instant;
import java.util.List;

/**
 * The record of one run, attached to its report: who ran which agent how ({@code ranAs} {@code playbook} or
 * {@code llm}, and the {@code fallbackReason} when an LLM run fell back to the playbook; {@code mode} says
 * both in words, {@code playbook (fallback: <reason>)}, as it did before those two fields), the model and prompt (with the prompt file's hash),
 * every tool call with its audit id, timings, token usage when the provider reports it, claims dropped as
 * ungrounded, evidence whose text the gate flagged as instruction-like, and notes (e.g. a verdict kept from
 * the playbook).
 */
public record RunInfo(
        String runId,
        String agent,
        String principal,
        String mode,
        String model,
        String prompt,
        String promptSha256,
        Instant startedAt,
        long durationMillis,
        int modelTurns,
        Tokens tokens,
        List<ToolCall> toolCalls,
        List<String> ungrounded,
        List<String> injectionSuspected,
        List<String> notes,
        RunOptions.Mode ranAs,
        String fallbackReason) {
    public RunInfo {
        toolCalls = List.copyOf(toolCalls);
        ungrounded = List.copyOf(ungrounded);
        injectionSuspected = List.copyOf(injectionSuspected);
        notes = List.copyOf(notes);
    }

    /** {@code mode} in words: {@code llm}, {@code playbook} or {@code playbook (fallback: <reason>)}. */
    public static String modeText(RunOptions.Mode ranAs, String fallbackReason) {
        return fallbackReason != null ? "playbook (fallback: " + fallbackReason + ")" : ranAs.wireName();
    }

    /** Token counts summed over the run's model turns; null fields when the provider did not say. */
    public record Tokens(Integer input, Integer output, Integer total) {
        public static final Tokens NONE = new Tokens(null, null, null);
    }

    /** One tool call: its evidence id, who made it (playbook or model), the outcome and the audit record's id. */
    public record ToolCall(
            String evidence, String tool, String by, String status, long auditSeq, long micros, List<String> flags) {
        public ToolCall {
            flags = List.copyOf(flags);
        }

        static ToolCall of(Evidence e) {
            return new ToolCall(
                    e.id(),
                    e.tool(),
                    e.by(),
                    e.result().status().wireName(),
                    e.result().auditSeq(),
                    e.micros(),
                    e.result().flags().stream().map(f -> f.wireName()).sorted().toList());
        }
    }
}
