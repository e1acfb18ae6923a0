/**
 * Bench commands: measure the numbers the issues set targets for, on real components (a generated
 * workspace, the real store, the real HTTP server on loopback), bounded in time.
 */
package dev.meshpilot.bench;
