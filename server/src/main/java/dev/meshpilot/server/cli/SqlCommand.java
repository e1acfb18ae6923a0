package dev.meshpilot.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.server.wiring.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code meshpilot sql --as PRINCIPAL "SELECT ..."}: read-only SQL through the sandbox gate, audited. */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = "Run one read-only SQL query over the warehouse as a principal, through the sandbox gate.")
final class SqlCommand extends StoreCommand {
    @Option(names = "--as", required = true, paramLabel = "PRINCIPAL", description = "Whom the query runs for.")
    String principal;

    @Parameters(paramLabel = "SQL", description = "One SELECT or WITH statement.")
    String query;

    @Override
    public Integer call() {
        MeshStore store = home.openStore();
        try (Sandbox sandbox = Sandbox.open(home.home(), store)) {
            Principal p = sandbox.principals().resolve(principal);
            JsonNode args = JsonNodeFactory.instance.objectNode().put("query", query);
            ToolContext ctx = new ToolContext(p, "cli", "cli-" + UUID.randomUUID(), null, null);
            ToolResult r = sandbox.gate().call(ctx, "sql.query", args);
            if (r.data() == null) {
                ErrorCode code = switch (r.status()) {
                    case DENIED -> ErrorCode.SANDBOX_DENIED;
                    case TIMEOUT -> ErrorCode.TOOL_TIMEOUT;
                    default -> ErrorCode.TOOL_FAILED;
                };
                throw new MeshpilotException(
                        code, "query " + r.status().wireName() + " (audit #" + r.auditSeq() + "): " + r.message());
            }
            print(r);
            return 0;
        }
    }

    private void print(ToolResult r) {
        if (format == Format.json) {
            Output.json(out(), r);
            return;
        }
        List<String> header = new ArrayList<>();
        r.data().get("columns").forEach(c -> header.add(c.asText()));
        List<List<String>> rows = new ArrayList<>();
        r.data().get("rows").forEach(row -> {
            List<String> cells = new ArrayList<>();
            row.forEach(v -> cells.add(v.isNull() ? "NULL" : v.asText()));
            rows.add(cells);
        });
        Output.table(out(), header, rows);
        out().printf("(%d rows, %s, audit #%d)%n", rows.size(), r.status().wireName(), r.auditSeq());
        r.notes().forEach(n -> out().println("note: " + n));
    }
}
