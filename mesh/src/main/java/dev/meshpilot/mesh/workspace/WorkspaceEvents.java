package dev.meshpilot.mesh.workspace;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.openlineage.EventProblem;
import dev.meshpilot.mesh.openlineage.IngestResult;
import dev.meshpilot.mesh.openlineage.LineageIngestor;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.openlineage.RunEventFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;

/**
 * The OpenLineage events under {@code observed/events/}: parsed before anything is written (so a bad
 * event is reported with the other problems), then ingested in the loader's transaction.
 */
final class WorkspaceEvents {
    private static final int CHUNK = 2_000;

    private final List<RunEvent> events;

    private WorkspaceEvents(List<RunEvent> events) {
        this.events = events;
    }

    static WorkspaceEvents read(Workspace ws, Problems problems, Progress progress) {
        List<Path> files = ws.eventFiles();
        List<List<RunEvent>> perFile = new ArrayList<>(Collections.nCopies(files.size(), List.of()));
        List<EventProblem> eventProblems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            Path file = files.get(i);
            String rel = ws.root().relativize(file).toString().replace('\\', '/');
            perFile.set(i, RunEventFiles.read(file, rel, eventProblems));
            progress.update("parse", done.incrementAndGet(), files.size());
        });
        synchronized (eventProblems) {
            eventProblems.forEach(p -> problems.add(p.source(), p.line(), p.field(), p.message()));
        }
        List<RunEvent> events = new ArrayList<>();
        perFile.forEach(events::addAll);
        return new WorkspaceEvents(events);
    }

    /** Ingests in the loader's transaction; returns {accepted, duplicates}. */
    int[] ingest(Handle h, Progress progress) {
        LineageIngestor ingestor = new LineageIngestor();
        IngestResult total = IngestResult.EMPTY;
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<RunEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
            total = total.plus(ingestor.ingest(h, chunk));
            progress.update("ingest", Math.min(events.size(), from + CHUNK), events.size());
        }
        return new int[] {total.accepted(), total.duplicates()};
    }
}
