/** The command line: one picocli command class per {@code meshpilot} subcommand. */
package dev.meshpilot.server.cli;
