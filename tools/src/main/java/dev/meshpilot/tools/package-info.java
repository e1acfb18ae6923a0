/** Meshpilot tools module. */
package dev.meshpilot.tools;
