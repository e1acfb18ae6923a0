package dev.meshpilot.mesh.incident;

import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Opens incidents, or updates the open one with the same fingerprint, within the caller's transaction: the
 * one place where OpenLineage events and alerts turn into incidents.
 *
 * <pre>{@code
 * IncidentRecorder incidents = new IncidentRecorder(tx);
 * Outcome o = incidents.record(new Signal("run_failed:payments.transactions", "payments.transactions",
 *         title, description, "openlineage", null, "2026-11-25T09:00:00.000Z"));
 * }</pre>
 *
 * <p>An open incident with the signal's fingerprint gets {@code event_count + 1}, {@code updated_at} = the
 * later of its own and the signal's, and the signal's error class if it had none. Otherwise a new incident
 * {@code INC-<n>} is inserted, {@code n} one more than the highest number so far (at least four digits),
 * status {@code open}. A resolved incident is never reopened, and a signal from while it was open (between its
 * opening and its resolution: a late or replayed event, a workspace loading its history) is counted on it
 * instead of opening a new one. Times are store times: UTC ISO-8601 with
 * exactly three fractional digits, so they compare as text. Not thread-safe (it uses the caller's handle);
 * run it in a transaction that began {@code IMMEDIATE} so that numbering cannot race.
 */
public final class IncidentRecorder {
    /**
     * What happened that may open an incident.
     *
     * @param fingerprint what makes two signals the same problem, e.g. {@code run_failed:<product>}
     * @param productId the product, or {@code null} when the signal maps to none
     * @param title the title of a new incident
     * @param description the description of a new incident (often untrusted text, kept as data)
     * @param source who raised it: {@code openlineage}, {@code alertmanager}
     * @param errorClass one of {@code Runbook.ERROR_CLASSES}, or {@code null} to leave it for triage
     * @param at when it happened, a store time
     */
    public record Signal(
            String fingerprint,
            String productId,
            String title,
            String description,
            String source,
            String errorClass,
            String at) {
        public Signal {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The incident touched and whether it is new. */
    public record Outcome(String id, boolean opened) {}

    private final Handle h;

    public IncidentRecorder(Handle h) {
        this.h = Objects.requireNonNull(h, "h");
    }

    public Outcome record(Signal s) {
        Optional<String> open = openWith(s.fingerprint());
        if (open.isPresent()) {
            h.execute(
                    "UPDATE incident SET event_count = event_count + 1, updated_at = CASE WHEN ? > updated_at THEN ? "
                            + "ELSE updated_at END, error_class = coalesce(error_class, ?) WHERE id = ?",
                    s.at(),
                    s.at(),
                    s.errorClass(),
                    open.get());
            return new Outcome(open.get(), false);
        }
        Optional<String> past = resolvedCovering(s.fingerprint(), s.at());
        if (past.isPresent()) {
            // History, not news: a signal from before the same problem was resolved (a replayed or late event,
            // a workspace loading its past) belongs to that incident and does not reopen the past.
            h.execute("UPDATE incident SET event_count = event_count + 1 WHERE id = ?", past.get());
            return new Outcome(past.get(), false);
        }
        int number = h.createQuery("SELECT coalesce(max(number), 0) + 1 FROM incident")
                .mapTo(int.class)
                .one();
        String id = String.format("INC-%04d", number);
        h.execute(
                "INSERT INTO incident (id, number, title, product_id, status, error_class, description, "
                        + "fingerprint, source, opened_at, updated_at, event_count) "
                        + "VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, 1)",
                id,
                number,
                s.title(),
                s.productId(),
                s.errorClass(),
                s.description(),
                s.fingerprint(),
                s.source(),
                s.at(),
                s.at());
        return new Outcome(id, true);
    }

    /** The newest open incident with {@code fingerprint}. */
    public Optional<String> openWith(String fingerprint) {
        return h.createQuery("SELECT id FROM incident WHERE fingerprint = ? AND status = 'open' "
                        + "ORDER BY number DESC LIMIT 1")
                .bind(0, fingerprint)
                .mapTo(String.class)
                .findOne();
    }

    /**
     * The newest resolved incident with {@code fingerprint} resolved at or after {@code at} (by its resolution
     * time, else its last update): a signal from then is part of that incident's history.
     */
    Optional<String> resolvedCovering(String fingerprint, String at) {
        return h.createQuery("SELECT id FROM incident WHERE fingerprint = ? AND status = 'resolved' "
                        + "AND opened_at <= ? AND coalesce(resolved_at, updated_at) >= ? ORDER BY number DESC LIMIT 1")
                .bind(0, fingerprint)
                .bind(1, at)
                .bind(2, at)
                .mapTo(String.class)
                .findOne();
    }

    /** Whether incident {@code id} exists and is open. */
    public boolean isOpen(String id) {
        return h.createQuery("SELECT count(*) FROM incident WHERE id = ? AND status = 'open'")
                        .bind(0, id)
                        .mapTo(int.class)
                        .one()
                > 0;
    }

    /**
     * Appends a paragraph to an incident's description and moves {@code updated_at} to {@code at} if later,
     * without counting an event or changing the status.
     */
    public void note(String id, String at, String paragraph) {
        h.execute(
                "UPDATE incident SET description = CASE WHEN description IS NULL OR description = '' THEN ? "
                        + "ELSE description || ? || ? END, updated_at = CASE WHEN ? > updated_at THEN ? ELSE updated_at END "
                        + "WHERE id = ?",
                paragraph,
                "\n\n",
                paragraph,
                at,
                at,
                id);
    }
}
