/** Meshpilot agents module. */
package dev.meshpilot.agents;
