package dev.meshpilot.server.http;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.alert.AlertIngestResult;
import dev.meshpilot.mesh.alert.AlertIngestor;
import dev.meshpilot.mesh.alert.AlertmanagerNotification;
import dev.meshpilot.mesh.alert.AlertmanagerParser;
import dev.meshpilot.mesh.store.MeshStore;
import io.helidon.http.Status;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.List;

/**
 * {@code POST /api/v1/alerts/alertmanager}: a Prometheus Alertmanager webhook receiver (payload version 4).
 * {@code 200} means the alerts are committed and synced to disk; its body lists the incidents opened,
 * updated and noted and the alerts that map to no product. {@code 400} names every bad field, {@code 413}
 * over the size limit, {@code 415} for a body that is not JSON (Alertmanager does not retry a 4xx);
 * {@code 503} when the store fails (Alertmanager retries a 5xx, and a retry is never counted twice).
 */
public final class AlertsService implements HttpService {
    private final MeshStore store;
    private final AlertIngestor ingestor = new AlertIngestor();
    private final long maxBodyBytes;
    private final Counter received = counter("meshpilot.alerts.received", "Alerts taken from Alertmanager");
    private final Counter duplicates = counter("meshpilot.alerts.duplicate", "Alerts already seen");
    private final Counter rejected = counter("meshpilot.alerts.requests.rejected", "Requests refused with 4xx");

    private final java.util.function.Consumer<List<String>> touched;

    public AlertsService(MeshStore store, long maxBodyBytes) {
        this(store, maxBodyBytes, ids -> {});
    }

    /** {@code touched} hears the ids of the incidents each committed notification opened, updated or noted. */
    public AlertsService(MeshStore store, long maxBodyBytes, java.util.function.Consumer<List<String>> touched) {
        this.touched = touched;
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::post);
    }

    private void post(ServerRequest req, ServerResponse res) {
        String type = RequestBodies.contentType(req);
        if (!RequestBodies.isJson(type)) {
            refuse(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Type must be application/json, got '" + type + "'");
            return;
        }
        java.util.Optional<String> body;
        try {
            body = RequestBodies.read(req.content().inputStream(), maxBodyBytes);
        } catch (IOException | RuntimeException e) {
            refuse(res, Status.BAD_REQUEST_400, "cannot read the request body: " + e.getMessage());
            return;
        }
        if (body.isEmpty()) {
            refuse(
                    res,
                    Status.REQUEST_ENTITY_TOO_LARGE_413,
                    "the body is larger than " + maxBodyBytes + " bytes; set max_alerts in the webhook_config");
            return;
        }
        AlertmanagerNotification notification;
        try {
            notification = AlertmanagerParser.parse(body.get());
        } catch (MeshpilotException e) {
            rejected.increment();
            Problems.send(res, Status.BAD_REQUEST_400, e.code(), e.getMessage(), e.details());
            return;
        }
        try {
            AlertIngestResult result = ingestor.ingest(store, notification);
            List<String> ids = new java.util.ArrayList<>(result.incidentsOpened());
            ids.addAll(result.incidentsUpdated());
            ids.addAll(result.incidentsNoted());
            try {
                touched.accept(ids);
            } catch (RuntimeException e) {
                // the alerts are durable; a stale search index must not turn the answer into an error
                System.getLogger(AlertsService.class.getName())
                        .log(System.Logger.Level.WARNING, "after-commit update failed: " + e, e);
            }
            received.increment(result.received() - result.duplicates());
            duplicates.increment(result.duplicates());
            Problems.json(res, Status.OK_200, result);
        } catch (MeshpilotException e) {
            Problems.send(
                    res,
                    Status.SERVICE_UNAVAILABLE_503,
                    e.code(),
                    "the alerts were not stored: " + e.getMessage() + "; retry the request",
                    List.of());
        }
    }

    private void refuse(ServerResponse res, Status status, String detail) {
        rejected.increment();
        Problems.send(res, status, ErrorCode.EVENT_INVALID, detail, List.of());
    }

    private static Counter counter(String name, String description) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder(name).description(description));
    }
}
