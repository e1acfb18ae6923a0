package dev.meshpilot.server.cli;

/** How a command prints its result. */
public enum Format {
    text,
    json,
    md,
    /** SARIF 2.1.0, for agents that offer it (migrate), e.g. for a CI system's inline annotations. */
    sarif
}
