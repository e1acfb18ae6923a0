package dev.meshpilot.server.cli;

/** How a command prints its result. */
public enum Format {
    text,
    json,
    md
}
