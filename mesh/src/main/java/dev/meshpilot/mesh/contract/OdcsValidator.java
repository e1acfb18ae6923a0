package dev.meshpilot.mesh.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Meshpilot's own validation of ODCS v3 data contracts, written from the standard's documented fields and
 * rules: required fields, types, allowed values (logical types, quality types, dimensions, metrics, server
 * types...), the operators of quality rules, server connection fields, and no unknown fields where the
 * standard allows none. Every v3.x contract is checked by the v3.1.0 rules, which accept what v3.0.x
 * producers write. Needs no file: the rules are code (see docs/decisions/0004).
 *
 * <pre>{@code
 * for (OdcsValidator.Violation v : OdcsValidator.validate(yamlTree)) {
 *     System.out.println(v.field() + ": " + v.message());   // schema[0].properties[1].logicalType: 'text' is not one of string, ...
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe. To also check against the official ODCS JSON Schema, see
 * {@link ContractValidation}.
 */
public final class OdcsValidator {
    /**
     * One thing wrong with a contract.
     *
     * @param pointer the JSON pointer of the offending value (or of where a missing field belongs)
     * @param field the dotted field path as the user reads it, e.g. {@code schema[0].properties[2].name}
     * @param message what is wrong and what would be valid
     */
    public record Violation(String pointer, String field, String message) {}

    private OdcsValidator() {}

    /** Every violation in {@code document} (a contract read from YAML or JSON), in document order. */
    public static List<Violation> validate(JsonNode document) {
        Findings out = new Findings();
        if (!document.isObject()) {
            out.add(Where.ROOT, "expected an ODCS data contract (a mapping), got " + Values.describe(document));
            return out.list();
        }
        JsonNode api = document.get("apiVersion");
        if (api != null && api.isTextual() && !api.asText().startsWith("v3.")) {
            out.add(
                    Where.ROOT.key("apiVersion"),
                    "'" + api.asText() + "' is not supported: Meshpilot reads ODCS v3 contracts (valid: "
                            + String.join(", ", OdcsContractRules.API_VERSIONS) + ")");
            return out.list();
        }
        OdcsContractRules.CONTRACT.check(document, Where.ROOT, out);
        return out.list();
    }
}
