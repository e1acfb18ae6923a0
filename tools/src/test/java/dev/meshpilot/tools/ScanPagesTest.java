package dev.meshpilot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import dev.meshpilot.tools.anomaly.ScanMetricsTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan_metrics} judges a page's products on every core; a page must hold exactly what judging them one at
 * a time finds. Over a generated mesh with injected anomalies, large enough for a page to be split.
 */
class ScanPagesTest {
    @TempDir
    static Path tmp;

    static DemoTools mesh;

    @BeforeAll
    static void setUp() {
        Path ws = tmp.resolve("ws");
        new WorkspaceGenerator().generate(GeneratorSpec.of(120, 40, 11), ws, Progress.NONE, 12);
        mesh = new DemoTools(tmp.resolve("home"), ws);
        mesh.with(List.of(new ScanMetricsTool(mesh.mesh)));
    }

    @AfterAll
    static void tearDown() {
        mesh.close();
    }

    JsonNode page(String args) {
        ToolResult r = mesh.call("svc-scheduler", "scan_metrics", args);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OK);
        return r.data();
    }

    @Test
    void should_find_in_one_page_split_across_cores_what_pages_of_a_few_products_find() {
        String window = "\"window\": \"P20D\"";
        JsonNode whole = page("{" + window + "}");
        List<String> found = new ArrayList<>();
        int series = 0;
        long points = 0;
        int judged = 0;
        String cursor = null;
        do {
            JsonNode p = page(
                    "{" + window + ", \"limit\": 5" + (cursor == null ? "" : ", \"cursor\": \"" + cursor + "\"") + "}");
            found.addAll(ScanToolsTest.anomalies(p));
            series += p.at("/series").asInt();
            points += p.at("/points").asLong();
            judged += p.at("/judged").asInt();
            cursor = p.at("/nextCursor").isNull() ? null : p.at("/nextCursor").asText();
        } while (cursor != null);

        assertThat(whole.at("/judged").asInt()).isEqualTo(120).isEqualTo(judged);
        assertThat(whole.at("/nextCursor").isNull()).isTrue();
        assertThat(ScanToolsTest.anomalies(whole)).isNotEmpty().containsExactlyElementsOf(found);
        assertThat(whole.at("/series").asInt()).isEqualTo(series);
        assertThat(whole.at("/points").asLong()).isEqualTo(points);
    }
}
