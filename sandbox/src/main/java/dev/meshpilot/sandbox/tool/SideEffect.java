package dev.meshpilot.sandbox.tool;

/** What a tool may change. Meshpilot ships no {@code WRITE} tool; the gate refuses any that claims one. */
public enum SideEffect {
    /** Reads only. */
    READ,
    /** Produces a draft for a human (a migration, a notice); changes nothing outside Meshpilot. */
    DRAFT,
    /** Would change something outside Meshpilot: always refused. */
    WRITE
}
