package dev.meshpilot.mesh.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run ledger on a real SQLite file: ids, latest per scope, findings, and the diff of two runs. */
class RunLedgerTest {
    @TempDir
    Path tmp;

    static RecordedRun run(String scope, Instant at) {
        return new RecordedRun(null, "drift", scope, "meshpilot-scheduler", "cli", at, at, "1 deny");
    }

    static RecordedFinding finding(String fp, String level, String state) {
        return new RecordedFinding(fp, state, Instant.parse("2026-11-01T00:00:00Z"), level, "t " + fp, "{}");
    }

    @Test
    void should_number_runs_per_agent_and_find_the_latest_of_a_scope() {
        RunLedger ledger = new RunLedger(MeshStore.open(tmp.resolve("m.db")));
        Instant t = Instant.parse("2026-12-01T06:00:00Z");
        RecordedRun a = ledger.record(run("mesh", t), "{}", List.of(finding("f1", "deny", "new")));
        RecordedRun b = ledger.record(run("customers", t.plusSeconds(60)), "{}", List.of());
        RecordedRun c = ledger.record(run("mesh", t.plusSeconds(120)), "{\"x\":1}", List.of());

        assertThat(List.of(a.id(), b.id(), c.id())).containsExactly("drift-1", "drift-2", "drift-3");
        assertThat(ledger.latest("drift", "mesh"))
                .get()
                .extracting(RecordedRun::id)
                .isEqualTo("drift-3");
        assertThat(ledger.latest("anomalies", "mesh")).isEmpty();
        assertThat(ledger.findings("drift-1"))
                .extracting(RecordedFinding::fingerprint)
                .containsExactly("f1");
        assertThat(ledger.report("drift-3")).contains("{\"x\":1}");
        assertThat(ledger.list("drift", null, 10)).extracting(RecordedRun::id).startsWith("drift-3");
    }

    @Test
    void should_list_what_appeared_disappeared_and_changed_between_two_runs() {
        RunDiff d = RunDiff.of(
                "drift-1",
                List.of(finding("a", "deny", "new"), finding("b", "warn", "new"), finding("c", "warn", "new")),
                "drift-2",
                List.of(
                        finding("a", "deny", "persisting"),
                        finding("c", "warn", "excepted"),
                        finding("d", "info", "new")));

        assertThat(d.appeared()).extracting(RecordedFinding::fingerprint).containsExactly("d");
        assertThat(d.disappeared()).extracting(RecordedFinding::fingerprint).containsExactly("b");
        assertThat(d.changed()).extracting(ch -> ch.after().fingerprint()).containsExactly("c");
    }
}
