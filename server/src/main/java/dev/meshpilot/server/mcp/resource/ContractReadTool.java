package dev.meshpilot.server.mcp.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.contract.Contract;
import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolOutput;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code resource.contract}: an ODCS contract as loaded (the whole document as JSON), the current version
 * unless one is named, for {@code mesh://contracts/{id}[/{version}]}; needs contracts:read on its product.
 */
public final class ContractReadTool extends ReadTool {
    public static final String NAME = "resource.contract";
    private final Contracts contracts;

    public ContractReadTool(Contracts contracts) {
        super(
                NAME,
                "Reads an ODCS data contract by id: the current version, or the version named.",
                """
                {"type":"object","properties":{"id":{"type":"string","minLength":1,"maxLength":200},
                 "version":{"type":"string","minLength":1,"maxLength":50}},
                 "required":["id"],"additionalProperties":false}""",
                Scope.CONTRACTS_READ);
        this.contracts = contracts;
    }

    @Override
    public ToolOutput run(ToolContext context, JsonNode args) {
        String id = args.get("id").asText();
        String version = args.path("version").asText(null);
        Optional<Contract> found = version == null ? contracts.current(id) : contracts.get(id, version);
        if (found.isEmpty()) {
            return ToolOutput.noData("no contract '" + id + "'" + (version == null ? "" : " version " + version)
                    + " (versions: " + String.join(", ", contracts.versions(id)) + ")");
        }
        Contract c = found.get();
        String product = c.dataProduct() != null ? c.dataProduct() : id;
        String domain = c.domain() != null ? c.domain() : domainOf(product);
        ToolOutput denied = deniedUnless(context.principal(), Scope.CONTRACTS_READ, domain, product);
        if (denied != null) {
            return denied;
        }
        try {
            return ToolOutput.ok(JSON.readTree(c.documentJson()), List.of(), List.of("/description"));
        } catch (IOException e) {
            return ToolOutput.error("contract " + id + " " + c.version() + " is stored as invalid JSON; reload it");
        }
    }
}
