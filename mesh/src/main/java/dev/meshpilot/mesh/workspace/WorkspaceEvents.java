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
 * event is reported with the other problems), then ingested in the loader's transaction. Event files of up to
 * {@link #KEPT_BYTES} in all are kept in memory between the two; larger ones (a generated mesh of thousands of
 * products with months of history is gigabytes) are parsed to check them, dropped, and parsed again file by file
 * while they are ingested, so the heap holds one file's events at a time.
 */
final class WorkspaceEvents {
    private static final int CHUNK = 2_000;
    /** Event files up to this size in all are parsed once and kept; beyond it, parsed again while ingested. */
    static final long KEPT_BYTES = 256L * 1024 * 1024;

    private final List<RunEvent> events;
    private final Workspace streamed;

    private WorkspaceEvents(List<RunEvent> events, Workspace streamed) {
        this.events = events;
        this.streamed = streamed;
    }

    static WorkspaceEvents read(Workspace ws, Problems problems, Progress progress) {
        return read(ws, problems, progress, KEPT_BYTES);
    }

    static WorkspaceEvents read(Workspace ws, Problems problems, Progress progress, long keptBytes) {
        List<Path> files = ws.eventFiles();
        boolean keep = size(files) <= keptBytes;
        List<List<RunEvent>> perFile = new ArrayList<>(Collections.nCopies(files.size(), List.of()));
        List<EventProblem> eventProblems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            Path file = files.get(i);
            String rel = ws.root().relativize(file).toString().replace('\\', '/');
            List<RunEvent> read = RunEventFiles.read(file, rel, eventProblems);
            perFile.set(i, keep ? read : List.of());
            progress.update("parse", done.incrementAndGet(), files.size());
        });
        synchronized (eventProblems) {
            eventProblems.forEach(p -> problems.add(p.source(), p.line(), p.field(), p.message()));
        }
        List<RunEvent> events = new ArrayList<>();
        perFile.forEach(events::addAll);
        return new WorkspaceEvents(events, keep ? null : ws);
    }

    private static long size(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                total += java.nio.file.Files.size(f);
            } catch (java.io.IOException e) {
                return Long.MAX_VALUE; // reported when the file is read
            }
        }
        return total;
    }

    /** Ingests in the loader's transaction; returns {accepted, duplicates}. */
    int[] ingest(Handle h, Progress progress) {
        if (streamed != null) {
            return stream(h, progress);
        }
        LineageIngestor ingestor = new LineageIngestor();
        IngestResult total = IngestResult.EMPTY;
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<RunEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
            total = total.plus(ingestor.ingest(h, chunk));
            progress.update("ingest", Math.min(events.size(), from + CHUNK), events.size());
        }
        return new int[] {total.accepted(), total.duplicates()};
    }

    /**
     * Parses each file again and ingests its events. The files were valid when checked; one that changed since
     * fails the load (the loader's transaction then writes nothing).
     */
    private int[] stream(Handle h, Progress progress) {
        LineageIngestor ingestor = new LineageIngestor();
        IngestResult total = IngestResult.EMPTY;
        List<Path> files = streamed.eventFiles();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String rel = streamed.root().relativize(file).toString().replace('\\', '/');
            List<EventProblem> problems = new ArrayList<>();
            List<RunEvent> events = RunEventFiles.read(file, rel, problems);
            if (!problems.isEmpty()) {
                throw new dev.meshpilot.core.MeshpilotException(
                        dev.meshpilot.core.ErrorCode.WORKSPACE_INVALID,
                        rel + " changed while it was loaded (" + problems.getFirst()
                                + "); nothing was loaded: load the workspace again");
            }
            for (int from = 0; from < events.size(); from += CHUNK) {
                total = total.plus(ingestor.ingest(h, events.subList(from, Math.min(events.size(), from + CHUNK))));
            }
            progress.update("ingest", i + 1, files.size());
        }
        return new int[] {total.accepted(), total.duplicates()};
    }
}
