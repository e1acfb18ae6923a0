package dev.meshpilot.agents.migration;

import static dev.meshpilot.agents.kit.DataChecks.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.migration.ContractDiff;
import dev.meshpilot.mesh.migration.ContractDocument;
import dev.meshpilot.mesh.migration.Diff;
import dev.meshpilot.mesh.migration.RuleSettings;
import dev.meshpilot.tools.catalog.ContractView;
import dev.meshpilot.tools.catalog.PolicyList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deterministic migration plan, in order:
 *
 * <ol>
 *   <li>read the proposed contract (checked by the ODCS rules) and the active one ({@code get_contract} with its
 *       document, by contract id, else by product id; or the current version given as text);
 *   <li>the workspace's {@code contract-change} policy ({@code list_policies}), whose severities and deprecation
 *       window apply; then the diff and the version check;
 *   <li>the consumers of each changed column ({@code impact} per column, from OpenLineage column lineage) and
 *       the observed grants on the product ({@code observed_grants});
 *   <li>when the stored shape changes: sample rows from the warehouse ({@code sql.query}, masked as the sandbox
 *       masks them; generated from the contract when the principal may not read them), the plans for SQLite and
 *       PostgreSQL, and the SQLite plan verified on a scratch database;
 *   <li>the deprecation timeline, the notice and the CI check ({@link Drafting}).
 * </ol>
 */
final class MigrationPlaybook {
    static final int SAMPLE_ROWS = 200;

    private final ToolBox tools;

    MigrationPlaybook(ToolBox tools) {
        this.tools = tools;
    }

    MigrationReport run(MigrationRequest req) {
        JsonNode proposed = ContractDocument.read(req.proposedText(), "to (the proposed contract)");
        JsonNode current;
        List<String> cited = new ArrayList<>();
        String product = null;
        if (req.currentText() != null) {
            current = ContractDocument.read(req.currentText(), "the current contract");
        } else {
            Evidence e = active(req.contract());
            if (e.result().status() == dev.meshpilot.sandbox.tool.ToolResult.Status.TRUNCATED) {
                throw new MeshpilotException(
                        ErrorCode.USAGE,
                        "the active contract of " + req.contract() + " is larger than the gate lets a tool return ("
                                + e.id() + " was truncated), and a diff of part of it would report false removals; "
                                + "compare two files instead: meshpilot migrate CURRENT_FILE --to PROPOSED_FILE");
            }
            ContractView view = e.as(ContractView.class);
            if (view.document() == null) {
                throw new MeshpilotException(
                        ErrorCode.NOT_FOUND, "get_contract returned no document for " + req.contract());
            }
            current = view.document();
            product = view.product();
            cited.add(e.id());
        }
        if (product == null) {
            product = knownProduct(text(proposed, "dataProduct"));
        }
        Settings settings = settings(product);
        Diff diff = ContractDiff.diff(current, proposed, settings.rules());
        Impacts impacts = new Impacts(tools, product, diff).collect();
        Drafting drafting = new Drafting(tools, req, current, proposed, product, diff, settings, cited);
        return drafting.report(impacts);
    }

    private Evidence active(String ref) {
        Evidence e = tools.call("get_contract", args("id", ref).put("document", true), "playbook");
        if (!e.hasData()
                && ref.contains(".")
                && e.result().status() != dev.meshpilot.sandbox.tool.ToolResult.Status.DENIED) {
            Evidence byProduct = tools.call("get_contract", args("product", ref).put("document", true), "playbook");
            if (byProduct.hasData()
                    || byProduct.result().status() == dev.meshpilot.sandbox.tool.ToolResult.Status.DENIED) {
                e = byProduct;
            }
        }
        if (!e.hasData()) {
            ErrorCode code = switch (e.result().status()) {
                case DENIED -> ErrorCode.SANDBOX_DENIED;
                case TIMEOUT -> ErrorCode.TOOL_TIMEOUT;
                default -> ErrorCode.NOT_FOUND;
            };
            throw new MeshpilotException(
                    code,
                    "cannot draft a migration for " + ref + ": " + e.result().message());
        }
        return e;
    }

    /** {@code id} when the mesh has a product of that id (two files: the contract may name one), else null. */
    private String knownProduct(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_.-]+")) {
            return null;
        }
        return tools.data("get_data_product", args("id", id)).isPresent() ? id : null;
    }

    /** The workspace's contract-change policy for the product, if any, and the evidence it was read from. */
    record Settings(RuleSettings rules, String policy, String evidence) {}

    private Settings settings(String product) {
        var a = args("kind", "contract-change");
        if (product != null) {
            a.put("product", product);
        }
        Optional<Evidence> e = tools.data("list_policies", a);
        if (e.isEmpty()) {
            return new Settings(RuleSettings.DEFAULTS, null, null);
        }
        PolicyList list = e.get().as(PolicyList.class);
        return list.policies().stream()
                .filter(p -> p.kind().equals("contract-change") && p.rule() != null)
                .findFirst()
                .map(p ->
                        new Settings(RuleSettings.of(p.rule()), p.id(), e.get().id()))
                .orElse(new Settings(RuleSettings.DEFAULTS, null, e.get().id()));
    }

    static String text(JsonNode doc, String field) {
        JsonNode v = doc.get(field);
        return v == null || !v.isValueNode() ? null : v.asText();
    }
}
