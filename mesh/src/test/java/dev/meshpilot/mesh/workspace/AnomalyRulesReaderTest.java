package dev.meshpilot.mesh.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.anomaly.AnomalyRule;
import dev.meshpilot.mesh.anomaly.AnomalyRules;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyRulesReaderTest {
    @TempDir
    Path tmp;

    @Test
    void should_store_settings_exclusions_and_feedback_for_the_products_they_name_when_a_shift_is_acknowledged() {
        TestWorkspace ws = new TestWorkspace(tmp.resolve("ws"));
        ws.write("anomalies.yaml", """
                settings: {threshold: 5}
                overrides:
                  - product: sales.daily
                    metric: row_count
                    settings: {direction: down, minChange: 0.3}
                exclusions:
                  - from: 2026-12-25T00:00:00Z
                    reason: Christmas
                feedback:
                  - product: sales.daily
                    metric: null_rate:email
                    from: 2026-11-18T00:00:00Z
                    to: 2026-11-20T00:00:00Z
                    verdict: expected
                  - product: sales.daily
                    metric: row_count
                    from: 2026-11-21T00:00:00Z
                    verdict: acknowledged
                    note: the new store opened
                """);
        MeshStore store = MeshStore.open(tmp.resolve("home/meshpilot.db"));
        WorkspaceLoader.load(ws.root, store, Progress.NONE);

        List<AnomalyRule> rules = new AnomalyRules(store).forProduct("sales.daily");
        assertThat(rules)
                .extracting(AnomalyRule::kind)
                .containsExactly("settings", "settings", "exclusion", "expected", "acknowledged");
        assertThat(rules.get(1).settings()).containsEntry("direction", "down").containsEntry("minChange", "0.3");
        assertThat(rules.get(2).to()).isEqualTo(Instant.parse("2026-12-26T00:00:00Z"));
        assertThat(new AnomalyRules(store).forProduct("sales.orders"))
                .extracting(AnomalyRule::kind)
                .containsExactly("settings", "exclusion");
    }

    @Test
    void should_name_file_line_and_field_when_a_rule_is_invalid() {
        TestWorkspace ws = new TestWorkspace(tmp.resolve("ws"));
        ws.write("anomalies.yaml", """
                overrides:
                  - product: sales.nope
                    settings: {direction: sideways, threshold: high}
                feedback:
                  - from: 2026-11-18T00:00:00Z
                    to: 2026-11-17T00:00:00Z
                    verdict: maybe
                """);
        MeshStore store = MeshStore.open(tmp.resolve("home/meshpilot.db"));

        MeshpilotException e = catchThrowableOfType(
                MeshpilotException.class, () -> WorkspaceLoader.load(ws.root, store, Progress.NONE));

        assertThat(e.code()).isEqualTo(ErrorCode.WORKSPACE_INVALID);
        assertThat(e.details())
                .anySatisfy(d -> assertThat(d)
                        .startsWith("anomalies.yaml:")
                        .contains("direction")
                        .contains("sideways"))
                .anySatisfy(d -> assertThat(d).startsWith("anomalies.yaml:").contains("threshold"))
                .anySatisfy(d -> assertThat(d)
                        .startsWith("anomalies.yaml:")
                        .contains("verdict")
                        .contains("maybe"))
                .anySatisfy(d -> assertThat(d).startsWith("anomalies.yaml:").contains("sales.nope"));
    }
}
