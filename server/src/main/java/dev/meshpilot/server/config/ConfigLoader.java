package dev.meshpilot.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * }</pre>
 */
public final class ConfigLoader {
    private static final Set<String> SERVER_KEYS = Set.of("host", "port", "maxBodyBytes");
    static final java.util.List<String> SECTIONS = java.util.List.of("server", "model");

    private ConfigLoader() {}

    public static ServerConfig load(Path file, Map<String, String> env) {
        String host = ServerConfig.DEFAULT.host();
        long port = ServerConfig.DEFAULT.port();
        long maxBody = ServerConfig.DEFAULT.maxBodyBytes();
        if (file != null) {
            JsonNode root = read(file);
            root.fieldNames().forEachRemaining(k -> {
                if (!SECTIONS.contains(k)) {
                    throw invalid(file, k, "unknown section (valid: " + String.join(", ", SECTIONS) + ")");
                }
            });
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
        return new ServerConfig(host, (int) port, maxBody);
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
