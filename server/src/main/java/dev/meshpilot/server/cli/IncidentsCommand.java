package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Incidents;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshpilot incidents [--open]}: lists incidents, newest first. */
@Command(name = "incidents", mixinStandardHelpOptions = true, description = "List incidents, newest first.")
final class IncidentsCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--open", description = "Only open incidents.")
    boolean open;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Incident> incidents = new Incidents(home.openStore()).list(open);
        var out = spec.commandLine().getOut();
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
