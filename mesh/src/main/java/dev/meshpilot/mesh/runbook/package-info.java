/** Runbooks: Markdown with front matter that says which products and error classes they apply to. */
package dev.meshpilot.mesh.runbook;
