/** Meshpilot evals module. */
package dev.meshpilot.evals;
