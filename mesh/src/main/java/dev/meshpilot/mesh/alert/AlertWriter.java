package dev.meshpilot.mesh.alert;

import dev.meshpilot.mesh.incident.IncidentRecorder;
import dev.meshpilot.mesh.incident.IncidentRecorder.Signal;
import dev.meshpilot.mesh.openlineage.Times;
import dev.meshpilot.mesh.store.Json;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** Writes the alerts of one notification in the caller's transaction; see {@link AlertIngestor}. */
final class AlertWriter {
    static final String SOURCE = "alertmanager";

    private final Handle h;
    private final AlertmanagerNotification notification;
    private final String receivedAt;
    private final Instant now;
    private final ProductMapper mapper;
    private final IncidentRecorder incidents;
    private final Set<String> seen = new HashSet<>();

    AlertWriter(Handle h, AlertmanagerNotification notification, Instant now) {
        this.h = h;
        this.notification = notification;
        this.now = now;
        this.receivedAt = Times.format(now);
        this.mapper = new ProductMapper(h);
        this.incidents = new IncidentRecorder(h);
    }

    AlertOutcome write(int index, Alert a) {
        String digest = a.digest();
        if (!seen.add(digest) || stored(digest)) {
            return new AlertOutcome(
                    index,
                    a.alertname(),
                    a.fingerprint(),
                    a.status(),
                    AlertOutcome.Kind.DUPLICATE,
                    null,
                    null,
                    null,
                    null,
                    List.of());
        }
        ProductMapper.Mapping m = mapper.map(a);
        String product = m.productId();
        List<String> notes = m.notes();
        String fingerprint = AlertText.fingerprint(a, product);
        if (a.status() == AlertStatus.FIRING) {
            String at = Times.format(a.startsAt());
            String errorClass = ErrorClasses.of(a);
            IncidentRecorder.Outcome o = incidents.record(new Signal(
                    fingerprint, product, AlertText.title(a), AlertText.description(a, at, m), SOURCE, errorClass, at));
            insert(digest, a, product, o.id());
            AlertOutcome.Kind kind = o.opened() ? AlertOutcome.Kind.OPENED : AlertOutcome.Kind.UPDATED;
            return new AlertOutcome(
                    index,
                    a.alertname(),
                    a.fingerprint(),
                    a.status(),
                    kind,
                    o.id(),
                    product,
                    m.rule(),
                    errorClass,
                    notes);
        }
        String at = Times.format(a.endsAt() != null ? a.endsAt() : now);
        Optional<String> open = firedInto(a).or(() -> incidents.openWith(fingerprint));
        open.ifPresent(id -> incidents.note(id, at, AlertText.resolved(a, at)));
        insert(digest, a, product, open.orElse(null));
        AlertOutcome.Kind kind =
                open.isPresent() ? AlertOutcome.Kind.RESOLVED_NOTED : AlertOutcome.Kind.RESOLVED_WITHOUT_INCIDENT;
        return new AlertOutcome(
                index,
                a.alertname(),
                a.fingerprint(),
                a.status(),
                kind,
                open.orElse(null),
                product,
                m.rule(),
                null,
                notes);
    }

    private boolean stored(String digest) {
        return h.createQuery("SELECT count(*) FROM alert_event WHERE digest = ?")
                        .bind(0, digest)
                        .mapTo(int.class)
                        .one()
                > 0;
    }

    /** The incident this alert's firing went into, while it is open. */
    private Optional<String> firedInto(Alert a) {
        return h.createQuery("SELECT incident_id FROM alert_event WHERE fingerprint = ? AND starts_at = ? "
                        + "AND status = 'firing' AND incident_id IS NOT NULL ORDER BY received_at DESC")
                .bind(0, a.fingerprint())
                .bind(1, Times.format(a.startsAt()))
                .mapTo(String.class)
                .findFirst()
                .filter(incidents::isOpen);
    }

    private void insert(String digest, Alert a, String product, String incidentId) {
        h.execute(
                "INSERT INTO alert_event (digest, fingerprint, alertname, status, starts_at, ends_at, product_id, "
                        + "incident_id, group_key, receiver, generator_url, labels_json, annotations_json, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                digest,
                a.fingerprint(),
                a.alertname(),
                a.status().wireName(),
                Times.format(a.startsAt()),
                Times.format(a.endsAt()),
                product,
                incidentId,
                notification.groupKey(),
                notification.receiver(),
                a.generatorUrl(),
                Json.write(new TreeMap<>(a.labels())),
                Json.write(new TreeMap<>(a.annotations())),
                receivedAt);
    }
}
