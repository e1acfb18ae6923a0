/**
 * The Meshpilot process: configuration, the command line, the HTTP server. The only module that wires
 * the others together; it holds no agent or tool logic.
 */
package dev.meshpilot.server;
