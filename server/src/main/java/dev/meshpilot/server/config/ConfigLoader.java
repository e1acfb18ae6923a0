package dev.meshpilot.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.gate.Limits;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the server configuration: defaults, then a YAML file ({@code --config F}), then environment
 * variables ({@code MESHPILOT_SERVER_HOST}, {@code MESHPILOT_SERVER_PORT},
 * {@code MESHPILOT_SERVER_MAX_BODY_BYTES}), later ones winning.
 *
 * <pre>{@code
 * server:
 *   host: 127.0.0.1
 *   port: 8080
 *   maxBodyBytes: 10485760
 * rest:
 *   anonymousPrincipal: reader     # whom REST requests without a token act for; loopback binds only
 * mcp:
 *   stdioPrincipal: alice          # whom `meshpilot mcp` acts for (or --as)
 *   tokens:                        # HTTP bearer tokens, by SHA-256 hash only
 *     - principal: alice
 *       sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 *   allowedOrigins: [ "https://ide.example.com" ]   # besides loopback origins
 *   allowedHosts: [ "devbox.local:*" ]              # besides loopback names
 *   oauth:                         # optional: also accept an OAuth 2.1 server's JWT access tokens
 *     issuer: https://auth.example.com
 *     jwksUrl: https://auth.example.com/.well-known/jwks.json
 *     audience: https://mesh.example.com/mcp    # this endpoint's canonical URL
 *     principalClaim: sub                       # the claim naming the workspace principal
 *     requiredScope: meshpilot                  # optional
 * gate:                            # the sandbox gate's budgets and caps (defaults: Limits.DEFAULT)
 *   callsPerRun: 50
 *   callsPerMinute: 600            # per principal
 *   timeoutSeconds: 10             # per tool call
 *   maxItems: 200
 *   maxBytes: 65536
 * contracts:                       # optional: also validate contracts by the official ODCS JSON Schema
 *   odcsSchema: /opt/odcs/odcs-json-schema-v3.1.0.json   # (read by ContractSettings)
 * }</pre>
 */
public final class ConfigLoader {
    private static final Set<String> SERVER_KEYS = Set.of("host", "port", "maxBodyBytes");
    private static final Set<String> MCP_KEYS =
            Set.of("tokens", "stdioPrincipal", "anonymousPrincipal", "allowedOrigins", "allowedHosts", "oauth");
    private static final List<String> OAUTH_KEYS =
            List.of("issuer", "jwksUrl", "audience", "principalClaim", "requiredScope");
    private static final List<String> REST_KEYS = List.of("anonymousPrincipal");
    private static final List<String> GATE_KEYS =
            List.of("callsPerRun", "callsPerMinute", "timeoutSeconds", "maxItems", "maxBytes");
    static final List<String> SECTIONS =
            List.of("server", "rest", "mcp", "gate", "model", "contracts", "schedules", "scheduler", "chat", "store");

    private ConfigLoader() {}

    public static ServerConfig load(Path file, Map<String, String> env) {
        String host = ServerConfig.DEFAULT.host();
        long port = ServerConfig.DEFAULT.port();
        long maxBody = ServerConfig.DEFAULT.maxBodyBytes();
        McpConfig mcp = McpConfig.DEFAULT;
        Limits gate = Limits.DEFAULT;
        RestConfig rest = RestConfig.DEFAULT;
        if (file != null) {
            JsonNode root = read(file);
            root.fieldNames().forEachRemaining(k -> {
                if (!SECTIONS.contains(k)) {
                    throw invalid(file, k, "unknown section (valid: " + String.join(", ", SECTIONS) + ")");
                }
            });
            mcp = mcp(file, root.path("mcp"));
            gate = gate(file, root.path("gate"));
            rest = rest(file, root.path("rest"));
            JsonNode server = root.path("server");
            server.fieldNames().forEachRemaining(k -> {
                if (!SERVER_KEYS.contains(k)) {
                    throw invalid(file, "server." + k, "unknown field (valid: " + String.join(", ", SERVER_KEYS) + ")");
                }
            });
            host = server.path("host").asText(host);
            port = number(file, "server.port", server.get("port"), port);
            maxBody = number(file, "server.maxBodyBytes", server.get("maxBodyBytes"), maxBody);
        }
        host = env.getOrDefault("MESHPILOT_SERVER_HOST", host);
        port = envNumber(env, "MESHPILOT_SERVER_PORT", port);
        maxBody = envNumber(env, "MESHPILOT_SERVER_MAX_BODY_BYTES", maxBody);
        String stdio = env.get("MESHPILOT_MCP_PRINCIPAL");
        if (stdio != null && !stdio.isBlank()) {
            mcp = mcp.withStdioPrincipal(stdio.strip());
        }
        try {
            return new ServerConfig(host, (int) port, maxBody, mcp, gate, rest);
        } catch (MeshpilotException e) {
            throw file == null ? e : new MeshpilotException(e.code(), file + ": " + e.getMessage(), e);
        }
    }

    private static RestConfig rest(Path file, JsonNode rest) {
        if (rest.isMissingNode() || rest.isNull()) {
            return RestConfig.DEFAULT;
        }
        rest.fieldNames().forEachRemaining(k -> {
            if (!REST_KEYS.contains(k)) {
                throw invalid(file, "rest." + k, "unknown field (valid: " + String.join(", ", REST_KEYS) + ")");
            }
        });
        return new RestConfig(text(rest, "anonymousPrincipal"));
    }

    private static Limits gate(Path file, JsonNode gate) {
        if (gate.isMissingNode() || gate.isNull()) {
            return Limits.DEFAULT;
        }
        gate.fieldNames().forEachRemaining(k -> {
            if (!GATE_KEYS.contains(k)) {
                throw invalid(file, "gate." + k, "unknown field (valid: " + String.join(", ", GATE_KEYS) + ")");
            }
        });
        Limits d = Limits.DEFAULT;
        int perRun = positive(file, "gate.callsPerRun", gate.get("callsPerRun"), d.maxCallsPerRun());
        int perMinute = positive(file, "gate.callsPerMinute", gate.get("callsPerMinute"), d.maxCallsPerMinute());
        int timeout = positive(file, "gate.timeoutSeconds", gate.get("timeoutSeconds"), (int)
                d.timeout().toSeconds());
        int items = positive(file, "gate.maxItems", gate.get("maxItems"), d.maxItems());
        int bytes = positive(file, "gate.maxBytes", gate.get("maxBytes"), d.maxBytes());
        if (bytes < 256) {
            throw invalid(file, "gate.maxBytes", "must be at least 256, got " + bytes);
        }
        return new Limits(perRun, perMinute, java.time.Duration.ofSeconds(timeout), items, bytes);
    }

    private static int positive(Path file, String field, JsonNode value, int fallback) {
        long n = number(file, field, value, fallback);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw invalid(file, field, "expected a whole number from 1 to " + Integer.MAX_VALUE + ", got " + n);
        }
        return (int) n;
    }

    private static McpConfig mcp(Path file, JsonNode mcp) {
        if (mcp.isMissingNode() || mcp.isNull()) {
            return McpConfig.DEFAULT;
        }
        mcp.fieldNames().forEachRemaining(k -> {
            if (!MCP_KEYS.contains(k)) {
                throw invalid(file, "mcp." + k, "unknown field (valid: " + String.join(", ", MCP_KEYS) + ")");
            }
        });
        List<McpConfig.TokenGrant> tokens = new ArrayList<>();
        JsonNode list = mcp.path("tokens");
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String where = "mcp.tokens[" + i + "]";
            if (t.has("token")) {
                throw invalid(file, where + ".token", "put the SHA-256 of the token in 'sha256', never the token");
            }
            try {
                tokens.add(new McpConfig.TokenGrant(
                        t.path("principal").asText(""), t.path("sha256").asText("")));
            } catch (MeshpilotException e) {
                throw invalid(file, where, e.getMessage());
            }
        }
        return new McpConfig(
                tokens,
                text(mcp, "stdioPrincipal"),
                text(mcp, "anonymousPrincipal"),
                texts(mcp.path("allowedOrigins")),
                texts(mcp.path("allowedHosts")),
                oauth(file, mcp.path("oauth")));
    }

    private static McpConfig.OAuth oauth(Path file, JsonNode oauth) {
        if (oauth.isMissingNode() || oauth.isNull()) {
            return null;
        }
        oauth.fieldNames().forEachRemaining(k -> {
            if (!OAUTH_KEYS.contains(k)) {
                throw invalid(file, "mcp.oauth." + k, "unknown field (valid: " + String.join(", ", OAUTH_KEYS) + ")");
            }
        });
        String issuer = text(oauth, "issuer");
        if (issuer == null) {
            throw invalid(file, "mcp.oauth.issuer", "required: the exact 'iss' of the tokens to accept");
        }
        return new McpConfig.OAuth(
                issuer,
                url(file, "mcp.oauth.jwksUrl", text(oauth, "jwksUrl")),
                url(file, "mcp.oauth.audience", text(oauth, "audience")),
                text(oauth, "principalClaim"),
                text(oauth, "requiredScope"));
    }

    private static URI url(Path file, String field, String value) {
        if (value == null) {
            throw invalid(file, field, "required: an absolute http(s) URL");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(file, field, "expected an absolute http(s) URL, got '" + value + "'");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank()
                ? null
                : v.asText().strip();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText().strip()));
        return out;
    }

    static JsonNode read(Path file) {
        try {
            JsonNode root = new YAMLMapper().readTree(Files.readString(file));
            return root == null || root.isMissingNode() ? new YAMLMapper().createObjectNode() : root;
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.USAGE, "cannot read config " + file + ": " + e.getMessage(), e);
        }
    }

    private static long number(Path file, String field, JsonNode value, long fallback) {
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToLong()) {
            throw invalid(file, field, "expected a whole number, got '" + value.asText() + "'");
        }
        return value.asLong();
    }

    private static long envNumber(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, "environment variable " + name + " must be a whole number, got '" + v + "'");
        }
    }

    static MeshpilotException invalid(Path file, String field, String message) {
        return new MeshpilotException(ErrorCode.USAGE, file + ": " + field + ": " + message);
    }
}
