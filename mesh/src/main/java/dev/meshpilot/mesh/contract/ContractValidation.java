package dev.meshpilot.mesh.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the workspace loader validates contracts: always by Meshpilot's own ODCS rules ({@link OdcsValidator}),
 * and, when the user points Meshpilot at the official ODCS JSON Schema file, by that schema as well; the
 * problems of both are reported. Immutable and thread-safe.
 *
 * <pre>{@code
 * ContractValidation v = ContractValidation.withOfficialSchema(Path.of("odcs-json-schema-v3.1.0.json"), "MESHPILOT_ODCS_SCHEMA");
 * WorkspaceLoader.load(dir, store, Progress.NONE, v);
 * }</pre>
 */
public final class ContractValidation {
    /** Meshpilot's own rules only: the default, which needs no file. */
    public static final ContractValidation BUILT_IN = new ContractValidation(null);

    private final OfficialOdcsSchema official;

    private ContractValidation(OfficialOdcsSchema official) {
        this.official = official;
    }

    /**
     * Meshpilot's rules and the official schema in {@code schemaFile}, read and compiled now.
     *
     * @param setting where the path came from (e.g. {@code contracts.odcsSchema in meshpilot.yaml}), named
     *     in the error when the file is missing or is not a JSON Schema
     * @throws dev.meshpilot.core.MeshpilotException with code {@code usage} when the file cannot be used
     */
    public static ContractValidation withOfficialSchema(Path schemaFile, String setting) {
        return new ContractValidation(OfficialOdcsSchema.read(schemaFile, setting));
    }

    /** The official schema file contracts are also checked against, if any. */
    public Optional<Path> officialSchema() {
        return Optional.ofNullable(official).map(OfficialOdcsSchema::file);
    }

    /** Meshpilot's violations, then the official schema's (each message naming the schema file). */
    public List<OdcsValidator.Violation> validate(JsonNode document) {
        List<OdcsValidator.Violation> all = new ArrayList<>(OdcsValidator.validate(document));
        if (official != null && document.isObject()) {
            all.addAll(official.validate(document));
        }
        return all;
    }
}
