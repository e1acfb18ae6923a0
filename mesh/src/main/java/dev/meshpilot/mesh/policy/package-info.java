/** Governance policies as code: parsed and stored here, evaluated by the drift agent. */
package dev.meshpilot.mesh.policy;
