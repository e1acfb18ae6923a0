package dev.meshpilot.mesh.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.contract.ContractValidation;
import dev.meshpilot.mesh.store.MeshStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event files too large to keep in memory are checked first, then parsed again while they are ingested. */
class StreamedEventsTest {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");
    static final List<String> TABLES =
            List.of("run_event", "run", "metric_point", "quality_result", "lineage_edge", "schema_observation");

    @TempDir
    Path tmp;

    @Test
    void should_store_the_same_rows_when_the_events_are_parsed_again_while_ingested() {
        Assumptions.assumeTrue(Files.isDirectory(DEMO), "no demo mesh at " + DEMO + ": skipping");
        MeshStore kept = MeshStore.open(tmp.resolve("kept/meshpilot.db"));
        MeshStore streamed = MeshStore.open(tmp.resolve("streamed/meshpilot.db"));

        LoadResult a = WorkspaceLoader.load(DEMO, kept, Progress.NONE);
        LoadResult b = WorkspaceLoader.load(DEMO, streamed, Progress.NONE, ContractValidation.BUILT_IN, 0);

        assertThat(b.events()).isEqualTo(a.events()).isPositive();
        for (String table : TABLES) {
            assertThat(streamed.count(table)).as(table).isEqualTo(kept.count(table));
        }
    }

    @Test
    void should_list_a_bad_event_and_load_nothing_when_the_events_are_streamed() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DEMO), "no demo mesh at " + DEMO + ": skipping");
        Path ws = tmp.resolve("ws");
        copy(DEMO, ws);
        Files.writeString(ws.resolve("observed/events/zz-broken.ndjson"), "{\"eventType\":\"COMPLETE\"}\n");
        MeshStore store = MeshStore.open(tmp.resolve("home/meshpilot.db"));

        MeshpilotException e = catchThrowableOfType(
                MeshpilotException.class,
                () -> WorkspaceLoader.load(ws, store, Progress.NONE, ContractValidation.BUILT_IN, 0));

        assertThat(e.code()).isEqualTo(ErrorCode.WORKSPACE_INVALID);
        assertThat(e.details()).anySatisfy(d -> assertThat(d).startsWith("observed/events/zz-broken.ndjson:1:"));
        assertThat(store.count("product")).isZero();
        assertThat(store.count("run_event")).isZero();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
