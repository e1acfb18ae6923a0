package dev.meshpilot.evals.mesh;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.alert.AlertIngestor;
import dev.meshpilot.mesh.alert.AlertmanagerNotification;
import dev.meshpilot.mesh.alert.AlertmanagerParser;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives a case's Alertmanager webhook notifications ({@code alerts/*.json}, in name order) into a loaded
 * mesh, as {@code meshpilot alert} does: each opens or updates incidents by the rules of docs/alerts.md.
 */
final class Alerts {
    private Alerts() {}

    /**
     * @throws MeshpilotException ({@code usage}) naming each file and JSON path that is not a valid
     *     notification; nothing is received then
     */
    static void receive(Path dir, MeshStore store, Injections injections) {
        List<AlertmanagerNotification> notifications = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : Overlays.files(dir)) {
            if (!f.toString().endsWith(".json")) {
                problems.add(f + ": not a .json file (alerts/ holds Alertmanager webhook notifications, one a file)");
                continue;
            }
            try {
                notifications.add(AlertmanagerParser.parse(Overlays.read(f, injections)));
            } catch (MeshpilotException e) {
                if (e.details().isEmpty()) {
                    problems.add(f + ": " + e.getMessage());
                }
                e.details().forEach(d -> problems.add(f + ": " + d));
            }
        }
        if (!problems.isEmpty()) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    "the case's alerts are not valid Alertmanager notifications (docs/alerts.md): "
                            + String.join("; ", problems),
                    problems);
        }
        AlertIngestor ingestor = new AlertIngestor();
        store.inTransaction(h -> {
            notifications.forEach(n -> ingestor.ingest(h, n));
            return null;
        });
    }
}
