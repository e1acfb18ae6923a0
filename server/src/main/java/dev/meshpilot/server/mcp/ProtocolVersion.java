package dev.meshpilot.server.mcp;

import java.util.List;

/**
 * The MCP protocol revisions Meshpilot speaks, oldest first: {@code initialize} echoes the client's version
 * when listed and offers the newest otherwise; over HTTP an {@code MCP-Protocol-Version} header naming
 * anything else is refused with 400.
 */
public final class ProtocolVersion {
    public static final String LATEST = "2025-11-25";
    public static final List<String> SUPPORTED = List.of("2025-03-26", "2025-06-18", LATEST);

    private ProtocolVersion() {}

    public static boolean supported(String version) {
        return SUPPORTED.contains(version);
    }
}
