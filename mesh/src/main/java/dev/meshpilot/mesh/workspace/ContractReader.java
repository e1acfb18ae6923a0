package dev.meshpilot.mesh.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.contract.ContractParser;
import dev.meshpilot.mesh.contract.OdcsValidator;
import java.util.List;

/** Reads an ODCS contract file: validates it against the ODCS JSON Schema, then maps it to the model. */
final class ContractReader {
    private ContractReader() {}

    static void read(YamlDoc doc, Workspace ws, Problems problems) {
        JsonNode root = doc.root();
        if (!root.isObject()) {
            problems.add(doc.file(), 1, "", "expected an ODCS data contract (a mapping), got " + Node.kind(root));
            return;
        }
        String api = root.path("apiVersion").asText("");
        if (!api.startsWith("v3.")) {
            problems.add(
                    doc.file(),
                    doc.line("/apiVersion"),
                    "apiVersion",
                    "'" + api + "' is not supported (valid: an ODCS v3 version such as v3.1.0)");
            return;
        }
        List<OdcsValidator.Violation> violations = OdcsValidator.validate(root);
        for (OdcsValidator.Violation v : violations) {
            problems.add(doc.file(), doc.line(v.pointer()), v.field(), v.message() + " (ODCS v3.1.0 schema)");
        }
        if (violations.isEmpty()) {
            ws.contracts.add(new Sourced<>(ContractParser.parse(root), doc, ""));
        }
    }
}
