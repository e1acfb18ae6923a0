/**
 * Chat models for LLM mode: which provider, where, which model ({@link dev.meshpilot.agents.model.ModelConfig}),
 * built as langchain4j {@code ChatModel}s, and how their failures are classified (retriable or not).
 */
package dev.meshpilot.agents.model;
