package dev.meshpilot.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the model for LLM mode from the config file's {@code model:} section, then the environment
 * ({@code MESHPILOT_MODEL_PROVIDER}, {@code _BASE_URL}, {@code _NAME}, {@code _API_KEY_ENV},
 * {@code _TIMEOUT_SECONDS}, {@code _MAX_RETRIES}). The API key itself is never in the file: the file names the
 * environment variable that holds it ({@code apiKeyEnv}, default {@code OPENAI_API_KEY} or
 * {@code ANTHROPIC_API_KEY}). No model configured means playbook mode only; nothing leaves the machine.
 */
public final class ModelSettings {
    private static final List<String> KEYS =
            List.of("provider", "baseUrl", "name", "apiKeyEnv", "timeoutSeconds", "maxRetries");

    private ModelSettings() {}

    public static Optional<ModelConfig> load(Path file, Map<String, String> env) {
        JsonNode m = file == null ? null : ConfigLoader.read(file).get("model");
        if (m != null) {
            m.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    throw ConfigLoader.invalid(
                            file, "model." + k, "unknown field (valid: " + String.join(", ", KEYS) + ")");
                }
            });
        }
        String provider = pick(env, "MESHPILOT_MODEL_PROVIDER", m, "provider");
        if (provider == null) {
            return Optional.empty();
        }
        String keyEnv = pick(env, "MESHPILOT_MODEL_API_KEY_ENV", m, "apiKeyEnv");
        if (keyEnv == null) {
            keyEnv = switch (provider) {
                case "anthropic" -> "ANTHROPIC_API_KEY";
                case "openai" -> "OPENAI_API_KEY";
                default -> null;
            };
        }
        String timeout = pick(env, "MESHPILOT_MODEL_TIMEOUT_SECONDS", m, "timeoutSeconds");
        String retries = pick(env, "MESHPILOT_MODEL_MAX_RETRIES", m, "maxRetries");
        try {
            return Optional.of(new ModelConfig(
                    provider,
                    pick(env, "MESHPILOT_MODEL_BASE_URL", m, "baseUrl"),
                    pick(env, "MESHPILOT_MODEL_NAME", m, "name"),
                    keyEnv == null ? null : env.get(keyEnv),
                    timeout == null ? null : Duration.ofSeconds(Long.parseLong(timeout)),
                    retries == null ? 2 : Integer.parseInt(retries),
                    null));
        } catch (IllegalArgumentException e) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    "model configuration" + (file == null ? "" : " (" + file + " and MESHPILOT_MODEL_*)") + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static String pick(Map<String, String> env, String var, JsonNode section, String key) {
        String v = env.get(var);
        if (v != null && !v.isBlank()) {
            return v.strip();
        }
        JsonNode n = section == null ? null : section.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }
}
