package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.config.RestConfig;
import dev.meshpilot.server.config.ServerConfig;

/**
 * Whom the demo's REST calls without a token act for: the demo mesh's service principal
 * {@value #PRINCIPAL} (role {@code ingest}: {@code catalog:read}, {@code lineage:write}, {@code alerts:write}),
 * so {@code curl http://127.0.0.1:8080/api/v1/products} and local OpenLineage or Alertmanager posts work
 * without a token on this machine. A workspace without that principal, or a bind address that is not
 * loopback ({@code MESHPILOT_SERVER_HOST}), gets no anonymous access: then every REST call needs a token.
 */
final class DemoAccess {
    static final String PRINCIPAL = "meshpilot-ingest";

    private DemoAccess() {}

    static ServerConfig anonymous(ServerConfig config, MeshStore store) {
        return config.loopback() && new Directory(store).principal(PRINCIPAL).isPresent()
                ? config.withRest(new RestConfig(PRINCIPAL))
                : config;
    }
}
