package dev.meshpilot.server.http;

import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.config.McpConfig;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.tools.access.Principals;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/** Real servers for the REST tests: token {@code token-<principal>} authenticates each principal given. */
final class RestServers {
    private RestServers() {}

    /** A loopback server on a free port whose REST API accepts the tokens of {@code principals}. */
    static MeshpilotServer start(MeshStore store, AuditLog audit, String... principals) {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, 64 * 1024, mcp(principals));
        return MeshpilotServer.start(config, store, auth(config, store, audit));
    }

    static McpConfig mcp(String... principals) {
        return new McpConfig(
                Arrays.stream(principals).map(RestServers::grant).toList(), null, null, List.of(), List.of());
    }

    static RestAuth auth(ServerConfig config, MeshStore store, AuditLog audit) {
        return auth(config, new Principals(new Directory(store))::resolve, audit);
    }

    static RestAuth auth(ServerConfig config, Function<String, Principal> principals, AuditLog audit) {
        return new RestAuth(config, new BearerAuth(config.mcp(), principals), audit);
    }

    static McpConfig.TokenGrant grant(String principal) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("token-" + principal).getBytes(StandardCharsets.UTF_8));
            return new McpConfig.TokenGrant(principal, HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
