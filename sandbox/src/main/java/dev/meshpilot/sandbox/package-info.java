/** Meshpilot sandbox module. */
package dev.meshpilot.sandbox;
