package dev.meshpilot.sandbox.tool;

/**
 * What a tool may change. Meshpilot ships no {@code WRITE} tool; the class exists so the gate can refuse any
 * tool that declares one, whatever an allowlist says.
 */
public enum SideEffect {
    /** Reads only. */
    READ,
    /** Produces a draft for a human (a migration, a notice); changes nothing outside Meshpilot. */
    DRAFT,
    /** Would change something outside Meshpilot: always refused. */
    WRITE
}
