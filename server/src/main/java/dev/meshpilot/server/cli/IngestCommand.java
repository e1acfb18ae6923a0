package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.openlineage.EventProblem;
import dev.meshpilot.mesh.openlineage.IngestResult;
import dev.meshpilot.mesh.openlineage.LineageIngestor;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.openlineage.RunEventFiles;
import dev.meshpilot.mesh.search.SyncResult;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.wiring.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code meshpilot ingest FILE...}: ingests OpenLineage events from JSON or NDJSON files into a home with a
 * loaded mesh, all or nothing (a missing file or an invalid event ingests none), and re-indexes the incidents
 * it opened or updated when the home has a search index.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Ingest OpenLineage RunEvents from .json (one event or an array) or .ndjson files.")
final class IngestCommand extends StoreCommand {
    private static final int CHUNK = 2_000;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Event files.")
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
                            + "; nothing was ingested");
        }
        MeshStore store = home.openStore();
        ConsoleProgress progress = new ConsoleProgress(System.err);
        List<EventProblem> problems = new ArrayList<>();
        List<RunEvent> events = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            events.addAll(RunEventFiles.read(f, f.toString(), problems));
            progress.update("parse", i + 1, files.size());
        }
        if (!problems.isEmpty()) {
            throw new MeshpilotException(
                    ErrorCode.EVENT_INVALID,
                    problems.size() + " invalid events; nothing was ingested",
                    problems.stream().map(EventProblem::toString).toList());
        }
        LineageIngestor ingestor = new LineageIngestor();
        IngestResult result = store.inTransaction(h -> {
            IngestResult total = IngestResult.EMPTY;
            for (int from = 0; from < events.size(); from += CHUNK) {
                total = total.plus(ingestor.ingest(h, events.subList(from, Math.min(events.size(), from + CHUNK))));
                progress.update("ingest", Math.min(events.size(), from + CHUNK), events.size());
            }
            return total;
        });
        // the index follows ingests, as it does for a server's (Sandbox.committed)
        Optional<SyncResult> indexed = Sandbox.updateIncidents(home.home(), store, result.incidentIds());
        var out = out();
        if (format == Format.json) {
            Output.json(out, result);
        } else {
            out.printf(
                    "Ingested %d events (%d already known); incidents opened %d, updated %d; %d unmapped datasets%n",
                    result.accepted(),
                    result.duplicates(),
                    result.incidentsOpened(),
                    result.incidentsUpdated(),
                    result.unmappedDatasets());
            result.incidentIds().forEach(id -> out.println("  incident " + id));
            indexed.ifPresent(r -> out.printf(
                    "Search index: %d added, %d updated (%,d ms)%n",
                    r.added(), r.updated(), r.took().toMillis()));
        }
        return 0;
    }
}
