/**
 * What every agent shares beyond the runtime: the evidence model ({@link dev.meshpilot.agents.kit.Finding},
 * {@link dev.meshpilot.agents.kit.Grounding}, {@link dev.meshpilot.agents.kit.Support} — what kind of evidence
 * supports a claim — and {@link dev.meshpilot.agents.kit.VerdictGuard}, the playbook's verdict as the floor), the
 * {@link dev.meshpilot.agents.kit.Owner} of a product, the run footer of a Markdown report and data checks
 * such as duplicate keys and null explosions ({@link dev.meshpilot.agents.kit.DataChecks}).
 */
package dev.meshpilot.agents.kit;
