package dev.meshpilot.server.http;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.openlineage.BatchingIngestor;
import dev.meshpilot.mesh.openlineage.IngestResult;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.openlineage.RunEventParser;
import dev.meshpilot.mesh.store.MeshStore;
import io.helidon.http.Status;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /api/v1/lineage}, the Marquez convention for OpenLineage producers: one RunEvent (or a JSON
 * array of them) per request. {@code 201} means the events are committed; {@code 400} names every bad
 * field; {@code 413} over the size limit; {@code 415} for a body that is not JSON.
 */
public final class LineageService implements HttpService {
    private static final System.Logger LOG = System.getLogger(LineageService.class.getName());
    private final BatchingIngestor writer;
    private final long maxBodyBytes;
    private final Counter accepted = counter("meshpilot.lineage.events.accepted", "Events committed");
    private final Counter duplicates = counter("meshpilot.lineage.events.duplicate", "Events already known");
    private final Counter rejected = counter("meshpilot.lineage.requests.rejected", "Requests refused with 4xx");

    private final Committed committed;

    /** Told of every committed request, after the commit and before the answer (e.g. to update the lineage graph). */
    public interface Committed {
        Committed NONE = (events, result) -> {};

        void committed(List<RunEvent> events, IngestResult result);
    }

    public LineageService(MeshStore store, long maxBodyBytes) {
        this(store, maxBodyBytes, Committed.NONE);
    }

    public LineageService(MeshStore store, long maxBodyBytes, Committed committed) {
        this.writer = new BatchingIngestor(store);
        this.maxBodyBytes = maxBodyBytes;
        this.committed = committed;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::post);
    }

    private void post(ServerRequest req, ServerResponse res) {
        String type = RequestBodies.contentType(req);
        if (!RequestBodies.isJson(type)) {
            rejected.increment();
            Problems.send(
                    res,
                    Status.UNSUPPORTED_MEDIA_TYPE_415,
                    ErrorCode.EVENT_INVALID,
                    "Content-Type must be application/json, got '" + type + "'",
                    List.of());
            return;
        }
        String body;
        try {
            body = read(req.content().inputStream());
        } catch (BodyTooLarge e) {
            rejected.increment();
            Problems.send(
                    res,
                    Status.REQUEST_ENTITY_TOO_LARGE_413,
                    ErrorCode.EVENT_INVALID,
                    "the body is larger than " + maxBodyBytes + " bytes; send fewer events per request",
                    List.of());
            return;
        }
        List<RunEvent> events;
        try {
            events = RunEventParser.parseAll(body);
        } catch (MeshpilotException e) {
            rejected.increment();
            Problems.send(res, Status.BAD_REQUEST_400, e.code(), e.getMessage(), e.details());
            return;
        }
        try {
            IngestResult result = writer.submit(events).join();
            try {
                committed.committed(events, result);
            } catch (RuntimeException e) {
                // the events are durable; a stale graph or index must not turn the acknowledgement into an error
                LOG.log(System.Logger.Level.WARNING, "after-commit update failed: " + e, e);
            }
            accepted.increment(result.accepted());
            duplicates.increment(result.duplicates());
            Problems.json(res, Status.CREATED_201, result);
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            ErrorCode code = cause instanceof MeshpilotException m ? m.code() : ErrorCode.STORE_FAILED;
            Problems.send(
                    res,
                    Status.SERVICE_UNAVAILABLE_503,
                    code,
                    "the events were not stored: " + cause.getMessage() + "; retry the request",
                    List.of());
        }
    }

    private String read(InputStream in) {
        try {
            return RequestBodies.read(in, maxBodyBytes).orElseThrow(BodyTooLarge::new);
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.EVENT_INVALID, "cannot read the request body: " + e.getMessage(), e);
        }
    }

    /** Waits for queued events to be committed, then stops the writer. */
    void close(Duration timeout) {
        writer.close();
    }

    private static Counter counter(String name, String description) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder(name).description(description));
    }

    private static final class BodyTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super(null, null, false, false);
        }
    }
}
