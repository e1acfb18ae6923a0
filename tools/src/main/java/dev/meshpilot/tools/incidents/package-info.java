/** Incident tools: reading one incident. */
package dev.meshpilot.tools.incidents;
