package dev.meshpilot.mesh.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.contract.ContractParser;
import dev.meshpilot.mesh.contract.ContractValidation;
import dev.meshpilot.mesh.contract.OdcsValidator;
import java.util.List;

/** Reads an ODCS contract file: validates it (see {@link ContractValidation}), then maps it to the model. */
final class ContractReader {
    private ContractReader() {}

    static void read(YamlDoc doc, Workspace ws, Problems problems, ContractValidation validation) {
        JsonNode root = doc.root();
        if (!root.isObject()) {
            problems.add(doc.file(), 1, "", "expected an ODCS data contract (a mapping), got " + Node.kind(root));
            return;
        }
        List<OdcsValidator.Violation> violations = validation.validate(root);
        for (OdcsValidator.Violation v : violations) {
            problems.add(doc.file(), doc.line(v.pointer()), v.field(), v.message());
        }
        if (violations.isEmpty()) {
            ws.contracts.add(new Sourced<>(ContractParser.parse(root), doc, ""));
        }
    }
}
