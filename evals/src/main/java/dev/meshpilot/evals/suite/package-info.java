/**
 * Suites and cases as data: {@code suite.yaml} (name, version, agent, fields, thresholds) and one folder per
 * case with its {@code case.yaml} (input, mesh, expectations, tags), an optional overlay of the mesh and
 * recorded model exchanges. Parsing errors name the file and the field.
 */
package dev.meshpilot.evals.suite;
