/**
 * Lineage tools over the live in-memory lineage graph: upstream (with the health of each ancestor, for
 * triage), downstream, and impact (consumers ranked by criticality, with their owners). Answers are a
 * summary plus one page of hops, never the whole closure at once.
 */
package dev.meshpilot.tools.lineage;
