package dev.meshpilot.server.mcp;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.mcp.conformance.ConformanceProfile;
import dev.meshpilot.server.mcp.http.HttpTransport;
import dev.meshpilot.server.wiring.Sandbox;
import io.helidon.webserver.http.HttpRouting;
import io.modelcontextprotocol.server.McpAsyncServer;
import java.time.Duration;
import java.util.List;

/**
 * MCP over Streamable HTTP for {@code meshpilot serve}: the sandbox of the home, the transport (mounted at
 * {@code /mcp}) and the SDK server. With {@code conformance} the official suite's fixtures are added, and
 * requests without a token act for the configured anonymous principal or, if none, for a principal with no
 * grants at all (so the real tools refuse them). Close it before the web server stops: open SSE streams end.
 */
public final class McpHttp implements AutoCloseable {
    public static final String PATH = "/mcp";
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration IDLE = Duration.ofMinutes(30);

    private final Sandbox sandbox;
    private final HttpTransport transport;
    private final McpAsyncServer server;

    private McpHttp(Sandbox sandbox, HttpTransport transport, McpAsyncServer server) {
        this.sandbox = sandbox;
        this.transport = transport;
        this.server = server;
    }

    /** MCP over the server's sandbox (its owner closes it), with tokens of its own. */
    public static McpHttp open(ServerConfig config, Sandbox sandbox, MeshStore store, boolean conformance) {
        return open(config, sandbox, store, conformance, new BearerAuth(config.mcp(), sandbox.principals()::resolve));
    }

    /** MCP over the server's sandbox (its owner closes it), checking tokens with {@code auth} (shared with REST). */
    public static McpHttp open(
            ServerConfig config, Sandbox sandbox, MeshStore store, boolean conformance, BearerAuth auth) {
        String anonymousId = config.mcp().anonymousPrincipal();
        Principal anonymous = anonymousId != null
                ? sandbox.principals().resolve(anonymousId)
                : conformance ? Principal.withGrants("conformance", Principal.Kind.SERVICE, List.of()) : null;
        HttpTransport transport =
                new HttpTransport(config.mcp(), config.host(), auth, anonymous, sandbox.audit(), HEARTBEAT, IDLE);
        McpProfile profile = conformance ? ConformanceProfile.create() : McpProfile.STANDARD;
        McpAsyncServer server = MeshpilotMcp.build(transport, sandbox.gate(), sandbox.runner(), store, profile);
        return new McpHttp(sandbox, transport, server);
    }

    /** Mounts the transport at {@link #PATH} and, with OAuth configured, the RFC 9728 metadata. */
    public void register(HttpRouting.Builder routing) {
        routing.register(PATH, transport);
        transport
                .metadata()
                .ifPresent(metadata -> routing.get(HttpTransport.METADATA_PATH, metadata)
                        .get(HttpTransport.METADATA_PATH + PATH, metadata));
    }

    @Override
    public void close() {
        transport.closeGracefully().block(Duration.ofSeconds(10));
        server.close();
    }
}
