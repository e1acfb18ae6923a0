/**
 * The incident triage agent: from an incident (opened by a FAIL event, a failed assertion, an alert, or by
 * hand) to a {@link dev.meshpilot.agents.triage.TriageReport} — severity with the rule that decided it, the
 * probable root cause (the earliest failing, late or anomalous ancestor, its error classified), ranked
 * alternatives, the blast radius with owners, next steps quoted from runbooks, similar past incidents, and a
 * confidence; every finding citing the evidence it rests on.
 */
package dev.meshpilot.agents.triage;
