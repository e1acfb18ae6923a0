package dev.meshpilot.evals.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.evals.suite.MeshSpec;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases on a hand-written workspace: shared when unchanged, rewritten days, alerts received after the load. */
class MeshFactoryTest {
    static final Path ROOT =
            Path.of(System.getProperty("meshpilot.root", "..")).toAbsolutePath().normalize();
    static final Path NORTHWIND = ROOT.resolve("evals/suites/triage/meshes/northwind-health");
    static final String DAY = "observed/events/2026-10-14.ndjson";

    @TempDir
    Path work;

    @TempDir
    Path cases;

    @Test
    void should_drop_the_base_events_of_a_day_the_overlay_rewrites_and_receive_the_case_alerts() throws Exception {
        Path overlay = write("overlay/" + DAY, "");
        Path alerts = write("alerts/01.json", """
                {"version": "4", "status": "firing", "alerts": [{"status": "firing",
                  "labels": {"alertname": "DatasetFreshnessSLOBreached", "product": "billing.ar_aging"},
                  "annotations": {"summary": "billing.ar_aging is stale"},
                  "startsAt": "2026-10-14T07:40:00Z"}]}
                """);
        try (MeshFactory f = new MeshFactory(work, ROOT.resolve("examples/acme-retail"), injections(), Map.of())) {
            EvalMesh base = f.open(spec(null, null));
            assertThat(f.owned(base)).isFalse();
            assertThat(eventsOn(base, "2026-10-14")).isPositive();
            EvalMesh changed = f.open(spec(overlay.getParent().getParent().getParent(), alerts.getParent()));
            try {
                assertThat(f.owned(changed)).isTrue();
                assertThat(eventsOn(changed, "2026-10-14")).isZero();
                assertThat(eventsOn(changed, "2026-10-13")).isEqualTo(eventsOn(base, "2026-10-13"));
                assertThat(openIncidents(changed)).containsExactly("INC-2006 billing.ar_aging");
            } finally {
                changed.close();
            }
        }
    }

    @Test
    void should_name_the_file_and_the_path_of_an_invalid_alert() throws Exception {
        Path alerts = write("alerts/01.json", "{\"alerts\": [{\"status\": \"firing\", \"labels\": {}}]}");
        try (MeshFactory f = new MeshFactory(work, ROOT.resolve("examples/acme-retail"), injections(), Map.of())) {
            assertThatThrownBy(() -> f.open(spec(null, alerts.getParent())))
                    .isInstanceOf(MeshpilotException.class)
                    .hasMessageContaining("alerts/01.json: alerts[0].labels.alertname: missing");
        }
    }

    private static MeshSpec spec(Path overlay, Path alerts) {
        return new MeshSpec(MeshSpec.WORKSPACE, 0, 0, 0, NORTHWIND, overlay, null, alerts);
    }

    private static Injections injections() {
        return new Injections(Path.of("no-corpus-needed.jsonl"));
    }

    private Path write(String name, String text) throws Exception {
        Path f = cases.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private static long eventsOn(EvalMesh mesh, String day) {
        MeshStore store = MeshStore.open(mesh.dir().resolve("meshpilot.db"));
        return store.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM run_event WHERE event_time LIKE :d")
                .bind("d", day + "%")
                .mapTo(Long.class)
                .one());
    }

    private static List<String> openIncidents(EvalMesh mesh) {
        MeshStore store = MeshStore.open(mesh.dir().resolve("meshpilot.db"));
        return store.withHandle(
                h -> h.createQuery("SELECT id || ' ' || product_id FROM incident WHERE status = 'open' ORDER BY id")
                        .mapTo(String.class)
                        .list());
    }
}
