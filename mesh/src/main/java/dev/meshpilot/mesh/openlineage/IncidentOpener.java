package dev.meshpilot.mesh.openlineage;

import java.time.Instant;

/**
 * Opens an incident for a fingerprint, or updates the open one: an open incident with the same fingerprint
 * gets {@code event_count + 1} and a later {@code updated_at}; otherwise a new incident {@code INC-<n>} is
 * inserted, {@code n} one more than the highest number so far (at least four digits), with source
 * {@code openlineage}.
 */
final class IncidentOpener {
    /** The incident touched and whether it is new. */
    record Outcome(String id, boolean opened) {}

    private final Statements sql;

    IncidentOpener(Statements sql) {
        this.sql = sql;
    }

    Outcome record(String fingerprint, String productId, String title, String description, Instant at) {
        String time = Times.format(at);
        String open = sql.first(
                "SELECT id FROM incident WHERE fingerprint = ? AND status = 'open' " + "ORDER BY number DESC LIMIT 1",
                rs -> rs.getString(1),
                fingerprint);
        if (open != null) {
            sql.update(
                    "UPDATE incident SET event_count = event_count + 1, updated_at = max(updated_at, ?) "
                            + "WHERE id = ?",
                    time,
                    open);
            return new Outcome(open, false);
        }
        int number = sql.first("SELECT coalesce(max(number), 0) + 1 FROM incident", rs -> rs.getInt(1));
        String id = String.format("INC-%04d", number);
        sql.update(
                "INSERT INTO incident (id, number, title, product_id, status, description, fingerprint, source, "
                        + "opened_at, updated_at, event_count) VALUES (?, ?, ?, ?, 'open', ?, ?, 'openlineage', ?, ?, 1)",
                id,
                number,
                title,
                productId,
                description,
                fingerprint,
                time,
                time);
        return new Outcome(id, true);
    }
}
