package dev.meshpilot.bench.conformance;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.http.MeshpilotServer;
import dev.meshpilot.server.http.RestAuth;
import dev.meshpilot.server.mcp.McpHttp;
import dev.meshpilot.server.wiring.Sandbox;
import java.nio.file.Path;
import java.util.List;

/**
 * The real HTTP server (Helidon, the same Streamable HTTP transport and tools as {@code meshpilot serve}) with
 * the {@link ConformanceProfile}'s fixtures, where requests without a token act for {@code
 * mcp.anonymousPrincipal} when one is configured, else for {@link #TOKENLESS}: a principal with no grants, so
 * the suite reaches the fixtures and the real tools refuse it. Closing it stops the server, then the sandbox.
 */
public final class ConformanceServer implements AutoCloseable {
    /** Whom requests without a token act for when the config names no anonymous principal. */
    public static final Principal TOKENLESS = Principal.withGrants("conformance", Principal.Kind.SERVICE, List.of());

    private final MeshpilotServer server;
    private final Sandbox sandbox;

    private ConformanceServer(MeshpilotServer server, Sandbox sandbox) {
        this.server = server;
        this.sandbox = sandbox;
    }

    /** Starts the server on {@code config}'s host and port over the home's store. */
    public static ConformanceServer start(ServerConfig config, Path home, MeshStore store) {
        Sandbox sandbox = Sandbox.open(home, store, config.gate());
        try {
            BearerAuth bearer = new BearerAuth(config.mcp(), sandbox.principals()::resolve);
            String anonymousId = config.mcp().anonymousPrincipal();
            Principal tokenless = anonymousId != null ? sandbox.principals().resolve(anonymousId) : TOKENLESS;
            MeshpilotServer server = MeshpilotServer.start(
                    config,
                    store,
                    new RestAuth(config, bearer, sandbox.audit()),
                    sandbox::committed,
                    sandbox::incidentsTouched,
                    McpHttp.open(config, sandbox, store, bearer, ConformanceProfile.create(), tokenless));
            return new ConformanceServer(server, sandbox);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
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
