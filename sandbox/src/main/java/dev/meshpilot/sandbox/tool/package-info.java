/**
 * The tool SPI: a tool is declared ({@link dev.meshpilot.sandbox.tool.ToolDeclaration}) apart from its
 * handler ({@link dev.meshpilot.sandbox.tool.Tool}); its output says which fields hold classified values and
 * which hold untrusted free text, so the gate can redact and fence them; its result is a typed value.
 */
package dev.meshpilot.sandbox.tool;
