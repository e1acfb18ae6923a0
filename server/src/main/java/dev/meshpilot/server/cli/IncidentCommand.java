package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.view.IncidentView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code meshpilot incident ID}: shows one incident ({@code --format json}: its {@code IncidentView}). */
@Command(name = "incident", mixinStandardHelpOptions = true, description = "Show one incident.")
final class IncidentCommand extends StoreCommand {

    @Parameters(paramLabel = "ID", description = "The incident id, e.g. INC-1001.")
    String id;

    @Override
    public Integer call() {
        Incident i = new Incidents(home.openStore())
                .get(id)
                .orElseThrow(() -> new MeshpilotException(
                        ErrorCode.NOT_FOUND, "no incident '" + id + "' (list them with: meshpilot incidents)"));
        var out = out();
        if (format == Format.json) {
            Output.json(out, IncidentView.of(i));
            return 0;
        }
        out.printf("%s [%s%s] %s%n", i.id(), i.status(), i.severity() == null ? "" : ", " + i.severity(), i.title());
        out.printf(
                "  product: %s   opened: %s   updated: %s   events: %d   source: %s%n",
                i.productId(), i.openedAt(), i.updatedAt(), i.eventCount(), i.source());
        print(out, "error class", i.errorClass());
        print(out, "fingerprint", i.fingerprint());
        print(out, "description", i.description());
        print(out, "root cause", i.rootCause());
        print(out, "resolution", i.resolution());
        if (i.resolvedAt() != null) {
            print(out, "resolved", i.resolvedAt().toString());
        }
        return 0;
    }

    private static void print(java.io.PrintWriter out, String label, String value) {
        if (value != null) {
            out.printf("  %s: %s%n", label, value.strip().replace("\n", "\n    "));
        }
    }
}
