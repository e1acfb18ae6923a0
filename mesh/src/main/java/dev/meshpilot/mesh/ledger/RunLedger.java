package dev.meshpilot.mesh.ledger;

import dev.meshpilot.mesh.store.MeshStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The store of recorded agent runs and their findings. A run gets the id {@code <agent>-<n>}, counting that
 * agent's runs. Thread-safe; safe across processes on one store (ids are taken inside the write transaction).
 *
 * <pre>{@code
 * RecordedRun r = ledger.record(run, reportJson, findings);   // r.id() = "drift-3"
 * Optional<RecordedRun> previous = ledger.latest("drift", "mesh");
 * }</pre>
 */
public final class RunLedger {
    private final MeshStore store;

    public RunLedger(MeshStore store) {
        this.store = store;
    }

    /** Records a run and its findings in one transaction; returns the run with its id. */
    public RecordedRun record(Recorded r) {
        return record(r.run(), r.reportJson(), r.findings());
    }

    /** A run ready to record: the run, its report as JSON and its fingerprinted findings. */
    public interface Recorded {
        RecordedRun run();

        String reportJson();

        List<RecordedFinding> findings();
    }

    /** Records a run and its findings in one transaction; returns the run with its id. */
    public RecordedRun record(RecordedRun run, String reportJson, List<RecordedFinding> findings) {
        return store.inTransaction(h -> insert(h, run, reportJson, findings));
    }

    /** {@link #record} inside a transaction the caller holds (the scheduler's, with its lease check). */
    public static RecordedRun insert(Handle h, RecordedRun run, String reportJson, List<RecordedFinding> findings) {
        int n = h.createQuery("SELECT count(*) FROM agent_run WHERE agent = ?")
                        .bind(0, run.agent())
                        .mapTo(int.class)
                        .one()
                + 1;
        RecordedRun out = run.withId(run.agent() + "-" + n);
        h.createUpdate("INSERT INTO agent_run (id, agent, scope, principal, trigger, started_at, finished_at, "
                        + "headline, report_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, out.id())
                .bind(1, out.agent())
                .bind(2, out.scope())
                .bind(3, out.principal())
                .bind(4, out.trigger())
                .bind(5, out.startedAt().toString())
                .bind(6, out.finishedAt().toString())
                .bind(7, out.headline())
                .bind(8, reportJson)
                .execute();
        for (RecordedFinding f : findings) {
            h.createUpdate("INSERT INTO agent_finding (run_id, fingerprint, state, first_seen, level, title, "
                            + "finding_json) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, fingerprint) DO UPDATE "
                            + "SET state = excluded.state, first_seen = excluded.first_seen, level = excluded.level, "
                            + "title = excluded.title, finding_json = excluded.finding_json")
                    .bind(0, out.id())
                    .bind(1, f.fingerprint())
                    .bind(2, f.state())
                    .bind(3, f.firstSeen().toString())
                    .bind(4, f.level())
                    .bind(5, f.title())
                    .bind(6, f.json())
                    .execute();
        }
        return out;
    }

    /** The latest recorded run of {@code agent} over {@code scope}. */
    public Optional<RecordedRun> latest(String agent, String scope) {
        return store.withHandle(h -> h.createQuery(
                        SELECT + " WHERE agent = ? AND scope = ? " + "ORDER BY finished_at DESC, rowid DESC LIMIT 1")
                .bind(0, agent)
                .bind(1, scope)
                .map((rs, ctx) -> run(rs))
                .findOne());
    }

    /** The recorded runs of {@code agent} (every scope when {@code scope} is null), newest first. */
    public List<RecordedRun> list(String agent, String scope, int limit) {
        String where = scope == null ? " WHERE agent = :a" : " WHERE agent = :a AND scope = :s";
        return store.withHandle(h -> {
            var q = h.createQuery(SELECT + where + " ORDER BY finished_at DESC, rowid DESC LIMIT :l")
                    .bind("a", agent)
                    .bind("l", limit);
            if (scope != null) {
                q.bind("s", scope);
            }
            return q.map((rs, ctx) -> run(rs)).list();
        });
    }

    public Optional<RecordedRun> get(String id) {
        return store.withHandle(h -> h.createQuery(SELECT + " WHERE id = ?")
                .bind(0, id)
                .map((rs, ctx) -> run(rs))
                .findOne());
    }

    /** The report JSON of a recorded run. */
    public Optional<String> report(String id) {
        return store.withHandle(h -> h.createQuery("SELECT report_json FROM agent_run WHERE id = ?")
                .bind(0, id)
                .mapTo(String.class)
                .findOne());
    }

    /** The findings of a recorded run, by fingerprint. */
    public List<RecordedFinding> findings(String runId) {
        return store.withHandle(h -> h.createQuery("SELECT fingerprint, state, first_seen, level, title, finding_json "
                        + "FROM agent_finding WHERE run_id = ? ORDER BY fingerprint")
                .bind(0, runId)
                .map((rs, ctx) -> new RecordedFinding(
                        rs.getString(1),
                        rs.getString(2),
                        Instant.parse(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list());
    }

    private static final String SELECT =
            "SELECT id, agent, scope, principal, trigger, started_at, finished_at, headline FROM agent_run";

    private static RecordedRun run(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RecordedRun(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                Instant.parse(rs.getString(6)),
                Instant.parse(rs.getString(7)),
                rs.getString(8));
    }
}
