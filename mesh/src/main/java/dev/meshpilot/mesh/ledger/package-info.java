/**
 * Recorded agent runs and their findings by stable fingerprint ({@link dev.meshpilot.mesh.ledger.RunLedger}),
 * so each run of an agent over a scope is compared with the previous one: new, persisting since first seen,
 * resolved.
 */
package dev.meshpilot.mesh.ledger;
