package dev.meshpilot.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.contract.ContractValidation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads how workspace contracts are validated: always by Meshpilot's own ODCS rules and, when a file is
 * named, also by the official ODCS JSON Schema — from the config file's {@code contracts:} section, then
 * the environment ({@code MESHPILOT_ODCS_SCHEMA}, which wins). A relative path in the file is relative to
 * the file's folder.
 *
 * <pre>{@code
 * contracts:
 *   odcsSchema: /opt/odcs/odcs-json-schema-v3.1.0.json
 * }</pre>
 */
public final class ContractSettings {
    static final String ENV = "MESHPILOT_ODCS_SCHEMA";
    private static final List<String> KEYS = List.of("odcsSchema");

    private ContractSettings() {}

    /** The validation to use; a configured schema file that cannot be read is a usage error naming it. */
    public static ContractValidation load(Path file, Map<String, String> env) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return ContractValidation.withOfficialSchema(Path.of(fromEnv.strip()), "environment variable " + ENV);
        }
        JsonNode section = file == null ? null : ConfigLoader.read(file).get("contracts");
        if (section == null || section.isNull()) {
            return ContractValidation.BUILT_IN;
        }
        if (!section.isObject()) {
            throw ConfigLoader.invalid(file, "contracts", "expected a mapping with odcsSchema");
        }
        section.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw ConfigLoader.invalid(
                        file, "contracts." + k, "unknown field (valid: " + String.join(", ", KEYS) + ")");
            }
        });
        JsonNode schema = section.get("odcsSchema");
        if (schema == null || schema.isNull() || schema.asText().isBlank()) {
            return ContractValidation.BUILT_IN;
        }
        Path path = Path.of(schema.asText().strip());
        Path dir = file.toAbsolutePath().getParent();
        return ContractValidation.withOfficialSchema(
                dir == null ? path : dir.resolve(path), file + ": contracts.odcsSchema");
    }
}
