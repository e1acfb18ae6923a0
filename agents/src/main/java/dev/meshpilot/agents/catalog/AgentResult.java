package dev.meshpilot.agents.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.RunInfo;
import java.util.List;
import java.util.Objects;

/** A finished run of a catalog agent with its renderers, so a front end shows it without knowing its types. */
public record AgentResult<R>(AgentRun<R> run, Renderers<R> renderers) {
    public AgentResult {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(renderers, "renderers");
    }

    public RunInfo info() {
        return run.run();
    }

    public ObjectNode json() {
        return renderers.json(run);
    }

    public String markdown() {
        return renderers.markdown().apply(run);
    }

    /** One line for logs, e.g. the severity. */
    public String headline() {
        return renderers.headline().apply(run.report());
    }

    /** The run in a further format the agent offers (e.g. {@code sarif}); empty when it offers none by that name. */
    public java.util.Optional<String> format(String name) {
        return java.util.Optional.ofNullable(renderers.formats().get(name)).map(f -> f.apply(run));
    }

    /** The CLI's exit code for this report: 0, or 1 when the agent's answer is "bad" (e.g. a failed check). */
    public int exitCode() {
        return renderers.exitCode().applyAsInt(run.report());
    }

    public List<Renderers.ChatBlock> chat() {
        return renderers.chat().apply(run);
    }
}
