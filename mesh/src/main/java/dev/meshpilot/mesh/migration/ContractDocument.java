package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.contract.OdcsValidator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a contract given as text (a proposed version, or a current one from a file): YAML or JSON, checked by
 * Meshpilot's ODCS v3 rules ({@link OdcsValidator}). Stateless and thread-safe.
 */
public final class ContractDocument {
    private static final ObjectMapper YAML = new YAMLMapper();

    private ContractDocument() {}

    /**
     * The document in {@code text}; {@code source} names it in errors (a file name, or {@code the 'to' argument}).
     *
     * @throws MeshpilotException {@code usage} when it does not parse or is not a valid ODCS v3 contract,
     *     listing every problem as {@code source: field: message}
     */
    public static JsonNode read(String text, String source) {
        JsonNode doc;
        try {
            doc = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    source + (line > 0 ? ":" + line : "") + ": not YAML or JSON: " + e.getOriginalMessage());
        }
        if (doc == null || doc.isMissingNode()) {
            throw new MeshpilotException(ErrorCode.USAGE, source + ": is empty; expected an ODCS v3 data contract");
        }
        List<OdcsValidator.Violation> problems = OdcsValidator.validate(doc);
        if (!problems.isEmpty()) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    source + " is not a valid ODCS v3 contract:\n"
                            + problems.stream()
                                    .map(v -> "  " + source + ": " + (v.field().isEmpty() ? "(root)" : v.field()) + ": "
                                            + v.message())
                                    .collect(Collectors.joining("\n")));
        }
        return doc;
    }

    /** A contract-level custom property's value ({@code customProperties: [{property, value}]}), or null. */
    public static String customProperty(JsonNode doc, String property) {
        return Docs.customProperty(doc, property);
    }

    /** The first support channel the contract names ({@code support: [{channel}]}), or null. */
    public static String supportChannel(JsonNode doc) {
        for (JsonNode s : doc.path("support")) {
            String c = Docs.text(s, "channel");
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
