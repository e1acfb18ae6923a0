package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Decision;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.SideEffect;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolRegistry;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Decides whether a call may run, deny by default, in this order: the agent is known and the tool is on its
 * allowlist (checked first, so an agent learns nothing, not even the schema, of tools it may not call);
 * the tool does not declare side effect {@code write}; the arguments are valid (the resources a call
 * touches are read from them); the principal holds every required scope on every resource. Thread-safe.
 */
final class Authorizer {
    /** An unknown name is echoed only when it looks like a tool name: it may come from a model, or a prompt. */
    private static final Pattern VALID_NAME = Pattern.compile("[a-z][a-z0-9_.]{0,99}");

    private final ToolRegistry tools;
    private final Function<String, AgentPolicy> agents;
    private final ArgumentValidator validator;

    Authorizer(ToolRegistry tools, Function<String, AgentPolicy> agents) {
        this.tools = tools;
        this.agents = agents;
        this.validator = new ArgumentValidator(tools);
    }

    /** Why the call may not run, or null when it may. */
    String denial(ToolContext ctx, String toolName, JsonNode args) {
        AgentPolicy agent = agents.apply(ctx.agent());
        if (agent == null) {
            return "unknown agent '" + ctx.agent() + "': no tools are allowed";
        }
        Tool tool = tools.find(toolName).orElse(null);
        ToolDeclaration declaration = tools.declaration(toolName).orElse(null);
        if (tool == null || !agent.allows(toolName)) {
            String what = tool == null
                    ? "unknown tool "
                            + (VALID_NAME.matcher(toolName).matches() ? "'" + toolName + "'" : "(not a tool name)")
                    : "agent " + ctx.agent() + " may not call " + toolName;
            return what + " (allowed for " + ctx.agent() + ": " + allowed(agent) + ")";
        }
        if (declaration.sideEffect() == SideEffect.WRITE) {
            return toolName + " declares side effect 'write'; Meshpilot never runs tools that change anything";
        }
        List<String> problems = validator.problems(toolName, args);
        if (!problems.isEmpty()) {
            return "invalid arguments for " + toolName + ": " + String.join("; ", problems);
        }
        List<Resource> resources;
        try {
            resources = List.copyOf(tool.resources(args));
        } catch (RuntimeException e) {
            return "cannot tell what " + toolName + " would touch: " + e.getMessage();
        }
        for (Scope scope : new TreeSet<>(declaration.requiredScopes())) {
            if (resources.isEmpty() && !AccessPolicy.holdsAnywhere(ctx.principal(), scope)) {
                return toolName + " needs " + scope.wireName() + ": "
                        + AccessPolicy.check(ctx.principal(), scope, Resource.MESH)
                                .reason();
            }
            for (Resource r : resources) {
                Decision d = AccessPolicy.check(ctx.principal(), scope, r);
                if (!d.allowed()) {
                    return toolName + " needs " + scope.wireName() + " on " + r + ": " + d.reason();
                }
            }
        }
        return null;
    }

    /** The tools on the allowlist that exist and may run, sorted. */
    String allowed(AgentPolicy agent) {
        List<String> names = tools.declarations().stream()
                .filter(d -> agent.allows(d.name()) && d.sideEffect() != SideEffect.WRITE)
                .map(ToolDeclaration::name)
                .toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
