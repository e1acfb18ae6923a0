package dev.meshpilot.bench.conformance;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.http.HttpServing;
import dev.meshpilot.server.mcp.McpHttp;
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

    private final HttpServing serving;

    private ConformanceServer(HttpServing serving) {
        this.serving = serving;
    }

    /** Starts the server on {@code config}'s host and port over the home's store. */
    public static ConformanceServer start(ServerConfig config, Path home, MeshStore store) {
        return new ConformanceServer(HttpServing.start(config, home, store, (c, sandbox, s, bearer) -> {
            String anonymousId = c.mcp().anonymousPrincipal();
            Principal tokenless = anonymousId != null ? sandbox.principals().resolve(anonymousId) : TOKENLESS;
            return McpHttp.open(c, sandbox, s, bearer, ConformanceProfile.create(), tokenless);
        }));
    }

    public int port() {
        return serving.port();
    }

    @Override
    public void close() {
        serving.close();
    }
}
