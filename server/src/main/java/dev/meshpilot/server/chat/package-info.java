/**
 * Chat, independent of any chat product's wire format: a request (who asked, where, what they typed), the command
 * it parses to, the principal the chat user maps to, and the dispatch that runs the catalog's agents, search and
 * incident look-ups as that principal through the gate, exactly as MCP does. Adapters ({@code chat.slack}) turn
 * their product's requests into {@link dev.meshpilot.server.chat.ChatRequest}s and render the replies.
 */
package dev.meshpilot.server.chat;
