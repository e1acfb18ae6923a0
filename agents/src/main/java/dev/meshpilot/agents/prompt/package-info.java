/**
 * Versioned prompts: {@code prompts/<agent>/vN.md} files (YAML front matter, then a template body with
 * {@code {{variable}}} placeholders), read into a registry; rendering fails on a missing variable.
 */
package dev.meshpilot.agents.prompt;
