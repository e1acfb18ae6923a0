/** MCP over stdio: newline-delimited JSON-RPC on stdin and stdout; every log line goes to stderr. */
package dev.meshpilot.server.mcp.stdio;
