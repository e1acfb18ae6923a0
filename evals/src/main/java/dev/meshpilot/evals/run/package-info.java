/**
 * Running suites: each case on its mesh, in one or more variants (a mode and a prompt version), repeated N
 * times, scored, aggregated per metric against the suite's thresholds, and compared variant against variant.
 */
package dev.meshpilot.evals.run;
