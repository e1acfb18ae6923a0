package dev.meshpilot.sandbox.tool;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tools a gate can run, by name, each with its declaration read once, when the registry is built.
 * Refuses two tools with one name. Immutable and thread-safe.
 *
 * <pre>{@code
 * ToolRegistry tools = ToolRegistry.of(List.of(new SqlQueryTool(...), new ProductTool(...)));
 * tools.names(); // [catalog.product, sql.query]
 * }</pre>
 */
public final class ToolRegistry {
    private final Map<String, Tool> tools;
    private final Map<String, ToolDeclaration> declarations;

    private ToolRegistry(Map<String, Tool> tools, Map<String, ToolDeclaration> declarations) {
        this.tools = tools;
        this.declarations = declarations;
    }

    /** @throws IllegalArgumentException when two tools declare the same name */
    public static ToolRegistry of(Collection<? extends Tool> tools) {
        TreeMap<String, Tool> byName = new TreeMap<>();
        TreeMap<String, ToolDeclaration> declarations = new TreeMap<>();
        for (Tool t : tools) {
            ToolDeclaration d = t.declaration();
            Tool before = byName.put(d.name(), t);
            if (before != null) {
                throw new IllegalArgumentException("two tools are named " + d.name() + ": "
                        + before.getClass().getName() + " and " + t.getClass().getName());
            }
            declarations.put(d.name(), d);
        }
        return new ToolRegistry(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(declarations));
    }

    public Optional<Tool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** The declaration {@code name}'s tool gave when the registry was built. */
    public Optional<ToolDeclaration> declaration(String name) {
        return Optional.ofNullable(declarations.get(name));
    }

    /** Every tool name, sorted. */
    public List<String> names() {
        return List.copyOf(tools.keySet());
    }

    /** Every tool, sorted by name. */
    public List<Tool> tools() {
        return List.copyOf(tools.values());
    }

    /** Every declaration, sorted by name. */
    public List<ToolDeclaration> declarations() {
        return List.copyOf(declarations.values());
    }
}
