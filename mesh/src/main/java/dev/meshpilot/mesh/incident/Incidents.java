package dev.meshpilot.mesh.incident;

import dev.meshpilot.mesh.store.MeshStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads incidents from the store, newest first. Thread-safe. */
public final class Incidents {
    private static final String COLUMNS = "id, title, product_id, status, severity, error_class, description, "
            + "root_cause, resolution, fingerprint, source, opened_at, updated_at, resolved_at, event_count";

    private final MeshStore store;

    public Incidents(MeshStore store) {
        this.store = store;
    }

    public List<Incident> list(boolean openOnly) {
        String where = openOnly ? " WHERE status = 'open'" : "";
        return store.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM incident" + where + " ORDER BY opened_at DESC, number DESC")
                .map((rs, ctx) -> incident(rs))
                .list());
    }

    /**
     * Each incident's id and {@code updated_at} (text, as stored) for those updated at or after {@code from} (an
     * ISO-8601 instant; null: all), so a process can find what others opened or updated since it last looked.
     */
    public java.util.Map<String, String> updatedSince(String from) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        store.useHandle(
                h -> h.createQuery("SELECT id, updated_at FROM incident WHERE (:from IS NULL OR updated_at >= :from)")
                        .bind("from", from)
                        .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getString(2)))
                        .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** The incidents with these ids (unknown ones left out), in one query per 500 ids. */
    public java.util.Map<String, Incident> get(java.util.Collection<String> ids) {
        java.util.Map<String, Incident> out = new java.util.HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            store.useHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM incident WHERE id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> incident(rs))
                    .forEach(i -> out.put(i.id(), i)));
        }
        return out;
    }

    public Optional<Incident> get(String id) {
        return store.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM incident WHERE id = ?")
                .bind(0, id)
                .map((rs, ctx) -> incident(rs))
                .findOne());
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("product_id"),
                rs.getString("status"),
                rs.getString("severity"),
                rs.getString("error_class"),
                rs.getString("description"),
                rs.getString("root_cause"),
                rs.getString("resolution"),
                rs.getString("fingerprint"),
                rs.getString("source"),
                instant(rs.getString("opened_at")),
                instant(rs.getString("updated_at")),
                instant(rs.getString("resolved_at")),
                rs.getInt("event_count"));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
