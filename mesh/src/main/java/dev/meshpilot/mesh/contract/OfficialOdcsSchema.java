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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The official ODCS JSON Schema, read from a file the user names, compiled once and applied with the
 * networknt validator (JSON Schema 2019-09 unless the file says otherwise). Thread-safe.
 */
final class OfficialOdcsSchema {
    private final Schema schema;
    private final Path file;

    private OfficialOdcsSchema(Schema schema, Path file) {
        this.schema = schema;
        this.file = file;
    }

    /** Reads and compiles {@code file}; {@code setting} names where the path came from, for the error. */
    static OfficialOdcsSchema read(Path file, String setting) {
        try (InputStream in = Files.newInputStream(file)) {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09);
            Schema schema = registry.getSchema(in, InputFormat.JSON);
            schema.validate("{}", InputFormat.JSON); // resolves every reference now, not on the first contract
            return new OfficialOdcsSchema(schema, file);
        } catch (IOException | RuntimeException e) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    setting + ": cannot use " + file + " as the official ODCS JSON Schema (" + reason(e)
                            + "); point it at odcs-json-schema-v3.1.0.json from the ODCS release, or remove the setting",
                    e);
        }
    }

    Path file() {
        return file;
    }

    List<OdcsValidator.Violation> validate(JsonNode document) {
        List<Error> errors = schema.validate(Trees.toJackson3(document));
        String source = " (official schema " + file.getFileName() + ")";
        return errors.stream()
                .map(e -> new OdcsValidator.Violation(
                        pointer(e.getInstanceLocation()), field(e), e.getMessage() + source))
                .distinct()
                .toList();
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName()
                + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
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
}
