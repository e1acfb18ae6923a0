package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.openlineage.EventProblem;
import dev.meshpilot.mesh.openlineage.IngestResult;
import dev.meshpilot.mesh.openlineage.LineageIngestor;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.openlineage.RunEventFiles;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code meshpilot ingest FILE...}: ingests OpenLineage events from JSON or NDJSON files, all or nothing. */
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
        ConsoleProgress progress = new ConsoleProgress(System.err);
        List<EventProblem> problems = new ArrayList<>();
        List<RunEvent> events = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            if (!Files.isRegularFile(f)) {
                problems.add(new EventProblem(f.toString(), 0, "", "no such file"));
                continue;
            }
            events.addAll(RunEventFiles.read(f, f.toString(), problems));
            progress.update("parse", i + 1, files.size());
        }
        if (!problems.isEmpty()) {
            throw new MeshpilotException(
                    ErrorCode.EVENT_INVALID,
                    problems.size() + " invalid events; nothing was ingested",
                    problems.stream().map(EventProblem::toString).toList());
        }
        MeshStore store = home.openStore();
        LineageIngestor ingestor = new LineageIngestor();
        IngestResult result = store.inTransaction(h -> {
            IngestResult total = IngestResult.EMPTY;
            for (int from = 0; from < events.size(); from += CHUNK) {
                total = total.plus(ingestor.ingest(h, events.subList(from, Math.min(events.size(), from + CHUNK))));
                progress.update("ingest", Math.min(events.size(), from + CHUNK), events.size());
            }
            return total;
        });
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
        }
        return 0;
    }
}
