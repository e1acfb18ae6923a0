package dev.meshpilot.server.http;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.mcp.McpHttp;
import dev.meshpilot.server.wiring.Sandbox;
import java.nio.file.Path;

/**
 * The HTTP server over a home, wired once: the sandbox, one token check shared by REST and MCP (so one OAuth
 * key cache), REST behind it, and MCP over Streamable HTTP as {@code mcp} opens it. {@code meshpilot serve}
 * and the bench module's conformance server both start it; only how MCP is opened differs.
 *
 * <pre>{@code
 * try (HttpServing serving = HttpServing.start(config, home, store, McpHttp::open)) {
 *     serving.port();
 * }
 * }</pre>
 *
 * <p>Closing stops the server (committing every acknowledged event), then the sandbox. If the start fails,
 * the sandbox is closed before the exception leaves.
 */
public final class HttpServing implements AutoCloseable {
    /** Opens MCP over HTTP on the sandbox with the shared token check. */
    @FunctionalInterface
    public interface McpOpener {
        McpHttp open(ServerConfig config, Sandbox sandbox, MeshStore store, BearerAuth auth);
    }

    private final MeshpilotServer server;
    private final Sandbox sandbox;

    private HttpServing(MeshpilotServer server, Sandbox sandbox) {
        this.server = server;
        this.sandbox = sandbox;
    }

    public static HttpServing start(ServerConfig config, Path home, MeshStore store, McpOpener mcp) {
        Sandbox sandbox = Sandbox.open(home, store, config.gate());
        try {
            BearerAuth bearer = new BearerAuth(config.mcp(), sandbox.principals()::resolve);
            MeshpilotServer server = MeshpilotServer.start(
                    config,
                    store,
                    new RestAuth(config, bearer, sandbox.audit()),
                    sandbox::committed,
                    sandbox::incidentsTouched,
                    mcp.open(config, sandbox, store, bearer));
            return new HttpServing(server, sandbox);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** The sandbox the server's calls go through (its gate, audit log, catalog), e.g. for the scheduler. */
    public dev.meshpilot.server.wiring.Sandbox sandbox() {
        return sandbox;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            sandbox.close();
        }
    }
}
