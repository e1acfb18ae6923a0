package dev.meshpilot.mesh.workspace;

/** What a successful {@code meshpilot load} wrote. */
public record LoadResult(
        String mesh,
        int domains,
        int products,
        int contracts,
        int policies,
        int runbooks,
        int incidents,
        int observed,
        int events,
        int duplicateEvents,
        long millis) {}
