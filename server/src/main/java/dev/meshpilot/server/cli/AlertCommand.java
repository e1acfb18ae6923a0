package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.alert.AlertIngestResult;
import dev.meshpilot.mesh.alert.AlertIngestor;
import dev.meshpilot.mesh.alert.AlertmanagerNotification;
import dev.meshpilot.mesh.alert.AlertmanagerParser;
import dev.meshpilot.mesh.search.SyncResult;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.wiring.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code meshpilot alert FILE...}: what {@code POST /api/v1/alerts/alertmanager} does, from files: each file an
 * Alertmanager webhook notification, all of them stored in one transaction or none (a missing file or an invalid
 * notification stores nothing), then the incidents they opened or updated indexed when the home has an index.
 * For replaying a notification a receiver missed, or trying a rule before pointing Alertmanager at a server.
 */
@Command(
        name = "alert",
        mixinStandardHelpOptions = true,
        description = "Submit Alertmanager webhook notifications (JSON files) as the alerts endpoint would.")
final class AlertCommand extends StoreCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Alertmanager webhook payloads (version 4).")
    List<Path> files;

    @Override
    public Integer call() {
        List<String> missing = files.stream()
                .filter(f -> !Files.isRegularFile(f))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new MeshpilotException(
                    ErrorCode.NOT_FOUND,
                    (missing.size() == 1 ? "no such file: " : "no such files: ") + String.join(", ", missing)
                            + "; nothing was stored");
        }
        List<AlertmanagerNotification> notifications = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String body;
            try {
                body = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(f + ": cannot read it (" + e.getMessage() + ")");
                continue;
            }
            try {
                notifications.add(AlertmanagerParser.parse(body));
            } catch (MeshpilotException e) {
                if (e.details().isEmpty()) {
                    problems.add(f + ": " + e.getMessage());
                }
                e.details().forEach(d -> problems.add(f + ": " + d));
            }
        }
        if (!problems.isEmpty()) {
            throw new MeshpilotException(
                    ErrorCode.EVENT_INVALID, "invalid alert notifications; nothing was stored", problems);
        }
        MeshStore store = home.openStore();
        AlertIngestor ingestor = new AlertIngestor();
        List<AlertIngestResult> results = store.inTransaction(h -> {
            List<AlertIngestResult> all = new ArrayList<>();
            for (AlertmanagerNotification n : notifications) {
                all.add(ingestor.ingest(h, n));
            }
            return all;
        });
        Set<String> touched = new LinkedHashSet<>();
        results.forEach(r -> {
            touched.addAll(r.incidentsOpened());
            touched.addAll(r.incidentsUpdated());
            touched.addAll(r.incidentsNoted());
        });
        Optional<SyncResult> indexed = Sandbox.updateIncidents(home.home(), store, List.copyOf(touched));
        var out = out();
        if (format == Format.json) {
            Output.json(out, results.size() == 1 ? results.get(0) : results);
            return 0;
        }
        for (int i = 0; i < results.size(); i++) {
            AlertIngestResult r = results.get(i);
            out.printf(
                    "%s: %d alerts (%d already seen); incidents opened %s, updated %s, noted %s%n",
                    files.get(i),
                    r.received(),
                    r.duplicates(),
                    list(r.incidentsOpened()),
                    list(r.incidentsUpdated()),
                    list(r.incidentsNoted()));
            r.unmapped()
                    .forEach(u ->
                            out.printf("  %s maps to no product: %s%n", u.alertname(), String.join("; ", u.notes())));
        }
        indexed.ifPresent(r -> out.printf(
                "Search index: %d added, %d updated (%,d ms)%n",
                r.added(), r.updated(), r.took().toMillis()));
        return 0;
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}
