package dev.meshpilot.server.mcp;

import dev.meshpilot.sandbox.tool.ToolDeclaration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule that turns a gate tool name into an MCP tool name: every {@code .} becomes {@code _}
 * ({@code sql.query} → {@code sql_query}); gate names are already {@code [a-z][a-z0-9_.]*}, so the result
 * matches MCP's {@code [a-zA-Z0-9_-]}. Two gate names that would map to the same MCP name are refused when
 * the server starts, so the reverse lookup is always exact.
 */
final class ToolNames {
    private ToolNames() {}

    static String mcpName(String gateName) {
        return gateName.replace('.', '_');
    }

    /**
     * MCP name → declaration, in the gate's order.
     *
     * @throws IllegalStateException naming both tools when two names collide
     */
    static Map<String, ToolDeclaration> byMcpName(List<ToolDeclaration> declarations) {
        Map<String, ToolDeclaration> out = new LinkedHashMap<>();
        for (ToolDeclaration d : declarations) {
            ToolDeclaration clash = out.putIfAbsent(mcpName(d.name()), d);
            if (clash != null) {
                throw new IllegalStateException("tools " + clash.name() + " and " + d.name()
                        + " both map to the MCP name " + mcpName(d.name()) + "; rename one");
            }
        }
        return out;
    }
}
