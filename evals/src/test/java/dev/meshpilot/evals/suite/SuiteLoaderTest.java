package dev.meshpilot.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {
    @TempDir
    Path suites;

    @BeforeEach
    void suite() throws Exception {
        write("demo/suite.yaml", """
                suite: demo
                version: 2
                agent: triage
                prompt: triage@v1
                principal: alice
                fields:
                  severity: /severity/level
                  impacted: /impact/products/*/product
                thresholds: {severity: 0.8}
                """);
    }

    @Test
    void should_read_a_case_folder_with_its_overlay() throws Exception {
        write("demo/cases/a-case/case.yaml", """
                tags: [regression]
                input: {incident: INC-1}
                expect:
                  exact: {severity: SEV1}
                  sets: {impacted: [x.y]}
                  safety: {injectionFlagged: true}
                  budget: {toolCalls: 10}
                """);
        write("demo/cases/a-case/overlay/runbooks/x.md", "text");
        Suite s = SuiteLoader.load(suites, "demo@2");
        assertThat(s.ref()).isEqualTo("demo@2");
        EvalCase c = s.cases().getFirst();
        assertThat(c.id()).isEqualTo("a-case");
        assertThat(c.principal()).isEqualTo("alice");
        assertThat(c.mesh().base()).isEqualTo("demo");
        assertThat(c.mesh().overlay()).isNotNull();
        assertThat(c.expect().exact()).containsEntry("severity", "SEV1");
        assertThat(c.expect().safety()).isTrue();
        assertThat(c.expect().budget().toolCalls()).isEqualTo(10);
    }

    @Test
    void should_name_the_file_and_the_field_of_a_mistake() throws Exception {
        write("demo/cases/typo/case.yaml", "input: {incident: INC-1}\nexpect:\n  exact: {sevrity: SEV1}\n");
        assertThatThrownBy(() -> SuiteLoader.load(suites, "demo"))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("cases/typo/case.yaml: expect.exact.sevrity: the suite defines no field")
                .hasMessageContaining("impacted, severity");
    }

    @Test
    void should_refuse_unknown_keys_and_missing_input() throws Exception {
        write("demo/cases/extra/case.yaml", "input: {incident: INC-1}\nexpect: {}\nexpected: {}\n");
        assertThatThrownBy(() -> SuiteLoader.load(suites, "demo"))
                .hasMessageContaining("extra/case.yaml: expected: unknown field (allowed: ");
        write("demo/cases/extra/case.yaml", "expect: {}\n");
        assertThatThrownBy(() -> SuiteLoader.load(suites, "demo"))
                .hasMessageContaining("extra/case.yaml: input: is required");
    }

    @Test
    void should_say_which_version_a_suite_is_at_and_which_suites_exist() throws Exception {
        write("demo/cases/a/case.yaml", "input: {incident: INC-1}\nexpect: {}\n");
        assertThatThrownBy(() -> SuiteLoader.load(suites, "demo@1")).hasMessageContaining("at version 2, not 1");
        assertThatThrownBy(() -> SuiteLoader.load(suites, "nope")).hasMessageContaining("suites: [demo]");
    }

    @Test
    void should_resolve_a_workspace_base_relative_to_the_suite_folder() throws Exception {
        write("demo/meshes/clinic/meshpilot.yaml", "apiVersion: meshpilot/v1\nkind: Mesh\nname: clinic\n");
        write("demo/cases/ws/case.yaml", """
                input: {incident: INC-1}
                mesh: {base: workspace, path: meshes/clinic}
                expect: {}
                """);
        write("demo/cases/ws/alerts/page.json", "{}");
        MeshSpec m = SuiteLoader.load(suites, "demo").cases().getFirst().mesh();
        assertThat(m.base()).isEqualTo("workspace");
        assertThat(m.workspace())
                .isEqualTo(suites.resolve("demo/meshes/clinic").toAbsolutePath().normalize());
        assertThat(m.alerts()).isNotNull();
        assertThat(m.changed()).isTrue();
        assertThat(m.baseKey()).startsWith("workspace-clinic-");
    }

    @Test
    void should_name_the_field_and_the_workspaces_there_when_a_workspace_path_is_wrong() throws Exception {
        write("demo/meshes/clinic/meshpilot.yaml", "apiVersion: meshpilot/v1\n");
        write("demo/cases/ws/case.yaml", "input: {incident: INC-1}\nmesh: {base: workspace, path: meshes/clinc}\n");
        assertThatThrownBy(() -> SuiteLoader.load(suites, "demo"))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("cases/ws/case.yaml: mesh.path: no workspace at ")
                .hasMessageContaining("meshes/clinc (a folder with a meshpilot.yaml, relative to the suite folder")
                .hasMessageContaining("workspaces there: [meshes/clinic]");
        write("demo/cases/ws/case.yaml", "input: {incident: INC-1}\nmesh: {base: workspace}\n");
        assertThatThrownBy(() -> SuiteLoader.load(suites, "demo"))
                .hasMessageContaining("cases/ws/case.yaml: mesh.path: is required for base: workspace");
        write("demo/cases/ws/case.yaml", "input: {incident: INC-1}\nmesh: {base: demo, path: meshes/clinic}\n");
        assertThatThrownBy(() -> SuiteLoader.load(suites, "demo"))
                .hasMessageContaining("cases/ws/case.yaml: mesh.path: is only for base: workspace");
        write("demo/cases/ws/case.yaml", "input: {incident: INC-1}\nmesh: {base: hospital}\n");
        assertThatThrownBy(() -> SuiteLoader.load(suites, "demo"))
                .hasMessageContaining("mesh.base: must be demo, generated or workspace, not 'hospital'");
    }

    @Test
    void should_read_every_case_of_the_triage_suite() {
        Path repo = Path.of(System.getProperty("meshpilot.root", "..")).resolve("evals/suites");
        Suite triage = SuiteLoader.load(repo, "triage@1");
        assertThat(triage.cases()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(triage.cases().stream().map(c -> c.mesh().baseKey()).distinct())
                .as("the suite runs on the demo, a generated mesh and two hand-written meshes of other businesses")
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(triage.cases().stream().filter(c -> c.tags().contains("adversarial")))
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(triage.prompts()).isNotNull();
    }

    private void write(String name, String text) throws Exception {
        Path f = suites.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
