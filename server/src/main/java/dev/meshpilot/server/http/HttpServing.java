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

    /** More routes over the sandbox (chat), closed with the server; null: none. */
    @FunctionalInterface
    public interface RoutesOpener {
        Routes open(Sandbox sandbox, MeshStore store);
    }

    /** Routes registered on the server and closed after it. */
    public interface Routes extends AutoCloseable {
        void register(io.helidon.webserver.http.HttpRouting.Builder routing);

        @Override
        void close();
    }

    private final MeshpilotServer server;
    private final Sandbox sandbox;
    private final Routes more;

    private HttpServing(MeshpilotServer server, Sandbox sandbox, Routes more) {
        this.server = server;
        this.sandbox = sandbox;
        this.more = more;
    }

    public static HttpServing start(ServerConfig config, Path home, MeshStore store, McpOpener mcp) {
        return start(config, home, store, mcp, null);
    }

    /** {@link #start(ServerConfig, Path, MeshStore, McpOpener)} with the routes {@code more} opens (e.g. Slack). */
    public static HttpServing start(ServerConfig config, Path home, MeshStore store, McpOpener mcp, RoutesOpener more) {
        Sandbox sandbox = Sandbox.open(home, store, config.gate());
        Routes routes = null;
        try {
            routes = more == null ? null : more.open(sandbox, store);
            Routes registered = routes;
            BearerAuth bearer = new BearerAuth(config.mcp(), sandbox.principals()::resolve);
            MeshpilotServer server = MeshpilotServer.start(
                    config,
                    store,
                    new RestAuth(config, bearer, sandbox.audit()),
                    sandbox::committed,
                    sandbox::incidentsTouched,
                    mcp.open(config, sandbox, store, bearer),
                    r -> {
                        if (registered != null) {
                            registered.register(r);
                        }
                    });
            return new HttpServing(server, sandbox, routes);
        } catch (RuntimeException e) {
            if (routes != null) {
                routes.close();
            }
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
            if (more != null) {
                more.close();
            }
        } finally {
            sandbox.close();
        }
    }
}
