package dev.meshpilot.mesh.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Validates ODCS documents against the official ODCS v3.1.0 JSON Schema, which the build bundles from
 * the standards folder. Every v3.x contract is checked against v3.1.0, the current schema: it accepts what
 * real v3.0.x producers write (six of the ten official examples fail the stricter v3.0.2 schema).
 *
 * <p>Thread-safe; the schema is compiled once.
 */
public final class OdcsValidator {
    static final String SCHEMA_RESOURCE = "odcs-json-schema-v3.1.0.json";

    /** One schema violation: the JSON pointer of the offending node and what the schema wants. */
    public record Violation(String pointer, String field, String message) {}

    private static final class Holder {
        static final Schema SCHEMA = load();
    }

    private OdcsValidator() {}

    public static List<Violation> validate(JsonNode document) {
        List<Error> errors = Holder.SCHEMA.validate(Trees.toJackson3(document));
        return errors.stream()
                .map(e -> new Violation(pointer(e.getInstanceLocation()), field(e), e.getMessage()))
                .distinct()
                .toList();
    }

    private static String field(Error e) {
        String path = dotted(e.getInstanceLocation());
        if (e.getProperty() != null && "required".equals(e.getKeyword())) {
            return path.isEmpty() ? e.getProperty() : path + "." + e.getProperty();
        }
        return path;
    }

    private static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            sb.append('/').append(path.getElement(i));
        }
        return sb.toString();
    }

    private static String dotted(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(element);
            }
        }
        return sb.toString();
    }

    private static Schema load() {
        try (InputStream in = OdcsValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new MeshpilotException(
                        ErrorCode.NOT_AVAILABLE,
                        "the ODCS JSON Schema is not bundled in this build (" + SCHEMA_RESOURCE + ")");
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09);
            return registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.NOT_AVAILABLE, "cannot read the bundled ODCS schema", e);
        }
    }
}
