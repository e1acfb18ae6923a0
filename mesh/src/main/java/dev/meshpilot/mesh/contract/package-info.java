/**
 * ODCS v3 data contracts: the typed model, the parser, and validation — Meshpilot's own ODCS rules
 * ({@link dev.meshpilot.mesh.contract.OdcsValidator}), optionally with the official ODCS JSON Schema
 * ({@link dev.meshpilot.mesh.contract.ContractValidation}).
 */
package dev.meshpilot.mesh.contract;
