/**
 * The agent catalog: each agent is one {@link dev.meshpilot.agents.catalog.AgentDescriptor} (its runtime
 * {@link dev.meshpilot.agents.runtime.Agent}, input, renderers and MCP face), and
 * {@link dev.meshpilot.agents.catalog.Catalog} lists them. The CLI, MCP, the gate's allowlists and evals
 * iterate the catalog, so adding an agent touches no file in {@code server} or {@code evals}.
 */
package dev.meshpilot.agents.catalog;
