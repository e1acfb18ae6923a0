package dev.meshpilot.mesh.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The store's change feed for recorded activity: every accepted OpenLineage event is a row of {@code run_event},
 * numbered in commit order, so a reader that remembers the last number it saw learns which products' metrics,
 * runs, checks or schemas may have changed since — whichever process ingested them. A product is touched by an
 * event when the event names one of its datasets (as an input or an output) or the event's job writes one.
 * Thread-safe.
 */
public final class MetricChanges {
    private final MeshStore store;

    public MetricChanges(MeshStore store) {
        this.store = store;
    }

    /** The number of the newest accepted event, 0 before any. */
    public long head() {
        return store.withHandle(h -> h.createQuery("SELECT coalesce(max(rowid), 0) FROM run_event")
                .mapTo(long.class)
                .one());
    }

    /**
     * The products touched by the events numbered in ({@code after}, {@code upTo}]; empty when there are more
     * than {@code max} of them (the caller then treats every product as changed).
     */
    public Optional<Set<String>> touched(long after, long upTo, int max) {
        return store.withHandle(h -> {
            List<Event> events = h.createQuery("SELECT run_id, body FROM run_event WHERE rowid > :after "
                            + "AND rowid <= :upTo ORDER BY rowid LIMIT :limit")
                    .bind("after", after)
                    .bind("upTo", upTo)
                    .bind("limit", max + 1)
                    .map((rs, ctx) -> new Event(rs.getString(1), rs.getString(2)))
                    .list();
            if (events.size() > max) {
                return Optional.<Set<String>>empty();
            }
            Set<List<String>> datasets = new HashSet<>();
            Set<String> runs = new HashSet<>();
            for (Event e : events) {
                runs.add(e.run());
                JsonNode body = Json.read(e.body(), JsonNode.class);
                for (String side : List.of("inputs", "outputs")) {
                    for (JsonNode d : body.path(side)) {
                        datasets.add(List.of(
                                d.path("namespace").asText(), d.path("name").asText()));
                    }
                }
            }
            for (String run : runs) {
                h.createQuery("SELECT e.dataset_namespace, e.dataset_name FROM run r JOIN lineage_edge e "
                                + "ON e.job_namespace = r.job_namespace AND e.job_name = r.job_name "
                                + "AND e.direction = 'out' WHERE r.run_id = :run")
                        .bind("run", run)
                        .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2)))
                        .forEach(datasets::add);
            }
            Set<String> products = new HashSet<>();
            for (List<String> d : datasets) {
                h.createQuery("SELECT product_id FROM product_port WHERE namespace = :ns AND name = :name")
                        .bind("ns", d.get(0))
                        .bind("name", d.get(1))
                        .mapTo(String.class)
                        .forEach(products::add);
            }
            return Optional.of(products);
        });
    }

    private record Event(String run, String body) {}
}
