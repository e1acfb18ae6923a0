package dev.meshpilot.server.http;

import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.view.ProductViews;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.mcp.McpHttp;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.time.Duration;

/**
 * The Meshpilot HTTP server: {@code /health}, Prometheus {@code /metrics} (both open), and behind bearer
 * tokens and scopes ({@link RestAuth}) {@code POST /api/v1/lineage} ({@code lineage:write}),
 * {@code POST /api/v1/alerts/alertmanager} ({@code alerts:write}), {@code GET /api/v1/products[/{id}]}
 * ({@code catalog:read}) and, when given, MCP at {@code /mcp}.
 *
 * <pre>{@code
 * RestAuth auth = new RestAuth(config, new BearerAuth(config.mcp(), principals::resolve), auditLog);
 * try (MeshpilotServer server = MeshpilotServer.start(config, store, auth)) {
 *     server.port();
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops accepting requests, then drains the ingest queue so every acknowledged event
 * is committed.
 */
public final class MeshpilotServer implements AutoCloseable {
    private final WebServer web;
    private final LineageService lineage;
    private final McpHttp mcp;

    private MeshpilotServer(WebServer web, LineageService lineage, McpHttp mcp) {
        this.web = web;
        this.lineage = lineage;
        this.mcp = mcp;
    }

    public static MeshpilotServer start(ServerConfig config, MeshStore store, RestAuth auth) {
        return start(config, store, auth, LineageService.Committed.NONE, ids -> {}, null);
    }

    /**
     * Starts the server; {@code committed} hears of every committed OpenLineage request, {@code incidents} of
     * the incidents every committed alert notification touched; with {@code mcp}, MCP Streamable HTTP is
     * served at {@code /mcp} (closed with the server).
     */
    public static MeshpilotServer start(
            ServerConfig config,
            MeshStore store,
            RestAuth auth,
            LineageService.Committed committed,
            java.util.function.Consumer<java.util.List<String>> incidents,
            McpHttp mcp) {
        return start(config, store, auth, committed, incidents, mcp, r -> {});
    }

    /** {@link #start(ServerConfig, MeshStore, RestAuth, LineageService.Committed, java.util.function.Consumer, McpHttp)} with more routes ({@code /slack/*}). */
    public static MeshpilotServer start(
            ServerConfig config,
            MeshStore store,
            RestAuth auth,
            LineageService.Committed committed,
            java.util.function.Consumer<java.util.List<String>> incidents,
            McpHttp mcp,
            java.util.function.Consumer<HttpRouting.Builder> more) {
        LineageService lineage = new LineageService(store, config.maxBodyBytes(), committed);
        WebServer web = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .maxPayloadSize(config.maxBodyBytes())
                // An MCP reply streamed as SSE is several small writes (a notification, then the result): with
                // Nagle's algorithm on, the last one waits for the client's delayed ACK, ~40 ms per call.
                .connectionOptions(o -> o.tcpNoDelay(true))
                .shutdownHook(false)
                .addFeature(observe(store))
                .routing(r -> {
                    routing(r, store, auth, lineage, new AlertsService(store, config.maxBodyBytes(), incidents));
                    if (mcp != null) {
                        mcp.register(r);
                    }
                    more.accept(r);
                })
                .build()
                .start();
        return new MeshpilotServer(web, lineage, mcp);
    }

    /** The REST routes, each behind its scope. */
    static void routing(
            HttpRouting.Builder routing, MeshStore store, RestAuth auth, LineageService lineage, AlertsService alerts) {
        routing.register("/api/v1/lineage", auth.guard(Scope.LINEAGE_WRITE, true, lineage))
                .register("/api/v1/alerts/alertmanager", auth.guard(Scope.ALERTS_WRITE, true, alerts))
                .register(
                        "/api/v1/products",
                        auth.guard(
                                Scope.CATALOG_READ,
                                false,
                                new ProductsService(new Products(store), new ProductViews(store), auth)));
    }

    private static ObserveFeature observe(MeshStore store) {
        HealthObserver health = HealthObserver.builder()
                .details(true)
                .addCheck(() -> storeCheck(store), HealthCheckType.READINESS, "store")
                .build();
        return ObserveFeature.builder()
                .endpoint("/")
                .addObserver(health)
                .addObserver(MetricsObserver.create())
                .build();
    }

    private static HealthCheckResponse storeCheck(MeshStore store) {
        try {
            long products = store.count("product");
            return HealthCheckResponse.builder()
                    .status(true)
                    .detail("products", products)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.builder()
                    .status(false)
                    .detail("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }

    public int port() {
        return web.port();
    }

    /** Stops accepting requests, waits for in-flight ones, then commits everything acknowledged. */
    @Override
    public void close() {
        if (mcp != null) {
            mcp.close();
        }
        web.stop();
        lineage.close(Duration.ofSeconds(30));
    }
}
