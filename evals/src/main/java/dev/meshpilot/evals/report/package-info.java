/**
 * Reports of an eval run: JSON for machines, Markdown for a pull request, and a standalone HTML page (inline
 * CSS and SVG) with a bar chart per metric and, per case, expected against got with the tool trajectory.
 */
package dev.meshpilot.evals.report;
