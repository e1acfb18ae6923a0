/**
 * The tool SPI: a tool is declared ({@link dev.meshpilot.sandbox.tool.ToolDeclaration}: name, description for
 * a model, JSON Schemas, required scopes, side-effect and cost class) apart from its handler
 * ({@link dev.meshpilot.sandbox.tool.Tool}); its output ({@link dev.meshpilot.sandbox.tool.ToolOutput}) says
 * which values are classified and which fields hold untrusted free text, so the gate can redact and fence
 * them; what the gate returns is a typed {@link dev.meshpilot.sandbox.tool.ToolResult}, never an exception.
 */
package dev.meshpilot.sandbox.tool;
