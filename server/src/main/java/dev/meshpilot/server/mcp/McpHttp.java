package dev.meshpilot.server.mcp;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.mcp.http.HttpTransport;
import dev.meshpilot.server.wiring.Sandbox;
import io.helidon.webserver.http.HttpRouting;
import io.modelcontextprotocol.server.McpAsyncServer;
import java.time.Duration;

/**
 * MCP over Streamable HTTP for {@code meshpilot serve}: the sandbox of the home, the transport (mounted at
 * {@code /mcp}) and the SDK server. Requests without a token act for {@code mcp.anonymousPrincipal} when one
 * is configured (loopback binds only), else get 401. Close it before the web server stops: open SSE streams
 * end.
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

    /** MCP over the server's sandbox (its owner closes it), checking tokens with {@code auth} (shared with REST). */
    public static McpHttp open(ServerConfig config, Sandbox sandbox, MeshStore store, BearerAuth auth) {
        return open(config, sandbox, store, auth, java.util.Optional.empty());
    }

    /** As {@link #open(ServerConfig, Sandbox, MeshStore, BearerAuth)}, the agent tools taking {@code mode: llm} on {@code model}. */
    public static McpHttp open(
            ServerConfig config,
            Sandbox sandbox,
            MeshStore store,
            BearerAuth auth,
            java.util.Optional<dev.meshpilot.agents.model.ModelConfig> model) {
        String anonymousId = config.mcp().anonymousPrincipal();
        Principal anonymous = anonymousId != null ? sandbox.principals().resolve(anonymousId) : null;
        HttpTransport transport =
                new HttpTransport(config.mcp(), config.host(), auth, anonymous, sandbox.audit(), HEARTBEAT, IDLE);
        McpAsyncServer server = MeshpilotMcp.build(
                transport, sandbox.gate(), sandbox.runner(), sandbox.catalog(), store, McpProfile.STANDARD, model);
        return new McpHttp(sandbox, transport, server);
    }

    /**
     * MCP with what {@code profile} adds to the mesh's own tools and resources, where requests without a token
     * act for {@code tokenless} (null: 401). Not reachable from the product's commands: for a companion jar,
     * such as the bench module's conformance server, and for tests.
     */
    public static McpHttp open(
            ServerConfig config,
            Sandbox sandbox,
            MeshStore store,
            BearerAuth auth,
            McpProfile profile,
            Principal tokenless) {
        HttpTransport transport =
                new HttpTransport(config.mcp(), config.host(), auth, tokenless, sandbox.audit(), HEARTBEAT, IDLE);
        McpAsyncServer server =
                MeshpilotMcp.build(transport, sandbox.gate(), sandbox.runner(), sandbox.catalog(), store, profile);
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
