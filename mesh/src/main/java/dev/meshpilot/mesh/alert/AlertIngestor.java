package dev.meshpilot.mesh.alert;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.store.WriteHandles;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Turns an Alertmanager notification into incidents (see {@code docs/alerts.md}).
 *
 * <pre>{@code
 * AlertIngestResult r = new AlertIngestor().ingest(store, AlertmanagerParser.parse(body));
 * }</pre>
 *
 * <p>Each alert maps to a product (by its {@code product}, {@code dataset} or {@code job} label) or to none.
 * A firing alert opens an incident with fingerprint {@code alert:<alertname>:<product>} (source
 * {@code alertmanager}) or counts on the open one; a resolved alert is noted on its open incident, which
 * stays open. Idempotent: an alert already seen with the same fingerprint, start and status is a duplicate
 * and changes nothing. Thread-safe (stateless); SQLite serialises the writers.
 */
public final class AlertIngestor {
    private final Clock clock;

    public AlertIngestor() {
        this(Clock.systemUTC());
    }

    /** {@code clock} gives {@code received_at}, and the time of a resolved alert without {@code endsAt}. */
    public AlertIngestor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes {@code notification} in a transaction of its own, committed and synced to disk
     * ({@code synchronous=FULL}) before this returns; fails with {@link ErrorCode#STORE_FAILED}.
     */
    public AlertIngestResult ingest(MeshStore store, AlertmanagerNotification notification) {
        try (Handle h = WriteHandles.open(store)) {
            return h.inTransaction(tx -> ingest(tx, notification));
        } catch (MeshpilotException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "could not store the alerts: " + e.getMessage(), e);
        }
    }

    /** Writes {@code notification} with {@code h}: in the caller's transaction if one is open, else in its own. */
    public AlertIngestResult ingest(Handle h, AlertmanagerNotification notification) {
        if (!h.isInTransaction()) {
            return h.inTransaction(tx -> ingest(tx, notification));
        }
        AlertWriter writer = new AlertWriter(h, notification, clock.instant());
        List<AlertOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < notification.alerts().size(); i++) {
            outcomes.add(writer.write(i, notification.alerts().get(i)));
        }
        return AlertIngestResult.of(outcomes, notification.truncatedAlerts());
    }
}
