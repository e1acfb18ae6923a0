package dev.meshpilot.server.chat;

import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.AgentOption;
import dev.meshpilot.agents.catalog.AgentResult;
import dev.meshpilot.agents.model.ChatModels;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.agents.runtime.RunStopped;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.wiring.Sandbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a parsed chat command as a principal: an agent of the catalog runs through {@link AgentDescriptor#run}
 * on the sandbox's runner — the path MCP's agent tools take, so every tool call passes the gate as that principal
 * and is audited — in playbook mode, or on the configured model with {@code --llm}; search and incident look-ups
 * are gate calls ({@link GateLookups}). Never throws for a refusal or a failed run: the reply says what happened.
 * Thread-safe.
 *
 * <pre>{@code
 * ChatService chat = new ChatService(sandbox, Optional.empty(), workspaceFiles, new Drafts());
 * ChatReply reply = chat.answer(alice, new Commands(sandbox.catalog()).parse("triage INC-1001"));
 * }</pre>
 */
public final class ChatService {
    /** Agents whose reports propose a change: their answers are drafts a second person approves. */
    static final List<String> DRAFTING = List.of("migrate");

    private final Sandbox sandbox;
    private final Optional<ModelConfig> model;
    private final WorkspaceFiles files;
    private final Drafts drafts;
    private final Commands commands;
    private final GateLookups lookups;
    private final IncidentOpenings openings;

    public ChatService(Sandbox sandbox, Optional<ModelConfig> model, WorkspaceFiles files, Drafts drafts) {
        this.sandbox = sandbox;
        this.openings = new IncidentOpenings(sandbox, java.time.Clock.systemUTC());
        this.model = model;
        this.files = files;
        this.drafts = drafts;
        this.commands = new Commands(sandbox.catalog());
        this.lookups = new GateLookups(sandbox.gate());
    }

    public Commands commands() {
        return commands;
    }

    public Drafts drafts() {
        return drafts;
    }

    public ChatReply answer(Principal principal, ChatCommand command) {
        return answer(principal, command, SharedFiles.NONE);
    }

    /** Answers {@code command}; a file option naming {@code file:ID} is read from {@code shared}. */
    public ChatReply answer(Principal principal, ChatCommand command, SharedFiles shared) {
        return switch (command) {
            case ChatCommand.Help h -> help();
            case ChatCommand.Refused r -> ChatReply.refuse(r.message());
            case ChatCommand.Search s -> lookups.search(principal, s.query());
            case ChatCommand.Incident i -> lookups.incident(principal, i.id());
            case ChatCommand.Run run -> run(principal, run, shared);
        };
    }

    /**
     * Opens the finding a button names ({@link Opening#value()}) as an incident, as {@code presser}: refused unless
     * they hold {@code incidents:write} on its product; a second press counts on the open incident.
     */
    public ChatReply openIncident(Principal presser, String value) {
        return openings.open(presser, value);
    }

    private ChatReply help() {
        return ChatReply.say("*Meshpilot* answers as you, with your grants:\n• " + String.join("\n• ", commands.help())
                + "\nAdd `--llm` to an agent command to use the configured model.");
    }

    private ChatReply run(Principal principal, ChatCommand.Run run, SharedFiles shared) {
        AgentDescriptor<?, ?> agent = sandbox.catalog().get(run.agent());
        if (run.llm() && model.isEmpty()) {
            return ChatReply.refuse("`--llm` needs a model, and this server has none configured (model: in its "
                    + "--config, or MESHPILOT_MODEL_*); run without `--llm` for the playbook's answer");
        }
        Map<String, String> inputs = new HashMap<>(run.inputs());
        for (AgentOption o : agent.input().options()) {
            String named = inputs.get(o.name());
            if (o.kind() == AgentOption.Kind.FILE && named != null && named.startsWith(SharedFiles.PREFIX)) {
                SharedFiles.Fetched f = shared.fetch(principal.id(), named.substring(SharedFiles.PREFIX.length()));
                if (f.error() != null) {
                    return ChatReply.refuse("`" + o.flag() + " " + Commands.shown(named) + "`: " + f.error());
                }
                inputs.put(o.name() + AgentOption.PATH, named + " (" + f.name() + ")");
                inputs.put(o.name(), f.content());
            } else if (o.kind() == AgentOption.Kind.FILE && inputs.containsKey(o.name())) {
                Optional<String> content = files.read(inputs.get(o.name()));
                if (content.isEmpty()) {
                    return ChatReply.refuse("`" + o.flag() + " " + Commands.shown(inputs.get(o.name())) + "`: "
                            + files.refusal(inputs.get(o.name())));
                }
                inputs.put(o.name() + AgentOption.PATH, inputs.get(o.name()));
                inputs.put(o.name(), content.get());
            }
        }
        RunOptions options = run.llm()
                ? RunOptions.llm(principal, ChatModels.create(model.get()), model.get())
                : RunOptions.playbook(principal);
        AgentResult<?> result;
        try {
            result = agent.run(sandbox.runner(), inputs, options);
        } catch (MeshpilotException | RunStopped e) {
            return ChatReply.refuse("`" + agent.name() + "` could not run: " + e.getMessage());
        }
        String input = run.main(agent.input().name());
        Drafts.Draft draft = DRAFTING.contains(agent.name())
                ? drafts.add(result.json().without("run").toString(), principal.id(), agent.name(), input)
                : null;
        String incident = agent.name().equals("triage") ? input : null;
        return new ChatReply(
                agent.name() + " " + (input == null ? "" : input + " ") + "· " + result.headline(),
                result.chat(),
                result.markdown(),
                incident,
                result.info().runId(),
                draft,
                run,
                true,
                Opening.of(agent.name(), result.json()));
    }
}
