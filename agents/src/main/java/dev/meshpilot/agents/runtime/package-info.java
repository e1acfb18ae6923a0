/**
 * The agent runtime every agent runs on: a declared {@link dev.meshpilot.agents.runtime.AgentSpec}, a
 * {@link dev.meshpilot.agents.runtime.ToolBox} that sends every call through the sandbox gate and numbers
 * its results as evidence, the deterministic playbook, the LLM loop over a langchain4j {@code ChatModel}
 * with schema-checked output, one repair turn, grounding and fallback to the playbook, and the record of
 * each run.
 */
package dev.meshpilot.agents.runtime;
