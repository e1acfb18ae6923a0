package dev.meshpilot.mesh.workspace;

/**
 * What a successful {@code meshpilot load} wrote; {@code warehouseScripts} counts the {@code warehouse/*.sql}
 * scripts built into the home's warehouse file.
 */
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
        long millis,
        int warehouseScripts) {}
