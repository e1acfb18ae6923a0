package dev.meshpilot.mesh.openlineage;

import dev.meshpilot.mesh.incident.IncidentRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Applies the events of one or more requests in the caller's transaction: skips events whose digest is
 * already stored, applies the rest in order, and writes what they changed at the end.
 */
final class IngestBatch {
    private static final int IN_CHUNK = 100;

    private final Handle h;
    private final String receivedAt;

    IngestBatch(Handle h, Instant now) {
        this.h = h;
        this.receivedAt = Times.format(now);
    }

    /** One result per request; {@code digests} holds each event's {@link RunEvent#digest()}, in order. */
    List<IngestResult> ingest(List<List<RunEvent>> requests, List<List<String>> digests) {
        try (Statements sql = new Statements(h)) {
            StoreCache cache = new StoreCache(sql);
            Rows rows = new Rows(sql);
            boolean openOnWarn = h.createQuery("SELECT open_on_warn_checks FROM mesh_info WHERE id = 1")
                            .mapTo(Integer.class)
                            .findOne()
                            .orElse(0)
                    == 1;
            EventApplier applier = new EventApplier(sql, cache, rows, new IncidentRecorder(h), openOnWarn);
            Set<String> seen =
                    stored(sql, digests.stream().flatMap(List::stream).toList());
            List<IngestResult> results = new ArrayList<>();
            for (int r = 0; r < requests.size(); r++) {
                Tally tally = new Tally();
                List<RunEvent> events = requests.get(r);
                for (int i = 0; i < events.size(); i++) {
                    String digest = digests.get(r).get(i);
                    if (!seen.add(digest)) {
                        tally.duplicates++;
                        continue;
                    }
                    String at = Times.format(events.get(i).eventTime());
                    rows.event(events.get(i), digest, at, receivedAt);
                    applier.apply(events.get(i), at, tally);
                    tally.accepted++;
                }
                results.add(tally.result());
            }
            cache.flush();
            rows.flush();
            return results;
        }
    }

    /** Which of {@code digests} are already stored, asked in chunks of a fixed size (one prepared query). */
    private static Set<String> stored(Statements sql, List<String> digests) {
        Set<String> stored = new HashSet<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(digests));
        String query = "SELECT digest FROM run_event WHERE digest IN ("
                + String.join(", ", Collections.nCopies(IN_CHUNK, "?")) + ")";
        for (int i = 0; i < distinct.size(); i += IN_CHUNK) {
            List<Object> chunk = new ArrayList<>(distinct.subList(i, Math.min(distinct.size(), i + IN_CHUNK)));
            while (chunk.size() < IN_CHUNK) {
                chunk.add(null);
            }
            stored.addAll(sql.query(query, rs -> rs.getString(1), chunk.toArray()));
        }
        return stored;
    }
}
