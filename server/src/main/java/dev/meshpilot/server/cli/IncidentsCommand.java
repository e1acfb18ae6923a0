package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Incidents;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshpilot incidents [--open]}: lists incidents, newest first. */
@Command(name = "incidents", mixinStandardHelpOptions = true, description = "List incidents, newest first.")
final class IncidentsCommand extends StoreCommand {

    @Option(names = "--open", description = "Only open incidents.")
    boolean open;

    @Override
    public Integer call() {
        List<Incident> incidents = new Incidents(home.openStore()).list(open);
        var out = out();
        if (format == Format.json) {
            Output.json(out, incidents);
        } else {
            Output.table(
                    out,
                    List.of("ID", "STATUS", "SEVERITY", "PRODUCT", "OPENED", "TITLE"),
                    incidents.stream()
                            .map(i -> List.of(
                                    i.id(),
                                    i.status(),
                                    Objects.toString(i.severity(), "-"),
                                    Objects.toString(i.productId(), "-"),
                                    i.openedAt().toString(),
                                    i.title()))
                            .toList());
        }
        return 0;
    }
}
