package dev.meshpilot.agents.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptRegistryTest {
    @TempDir
    Path dir;

    @Test
    void should_render_every_bundled_prompt_with_sample_variables() {
        PromptRegistry prompts = PromptRegistry.bundled();
        assertThat(prompts.all()).extracting(Prompt::ref).contains("triage@v1");
        for (Prompt p : prompts.all()) {
            Map<String, Object> sample = new HashMap<>();
            p.variables().forEach(v -> sample.put(v, "<" + v + ">"));
            String text = p.render(sample);
            assertThat(text).as(p.ref()).doesNotContain("{{");
            p.variables().forEach(v -> assertThat(text).contains("<" + v + ">"));
            assertThat(p.sha256()).hasSize(64);
            assertThat(p.description()).isNotBlank();
        }
    }

    @Test
    void should_name_the_missing_variables() {
        Prompt p = PromptRegistry.bundled().resolve("triage@v1");
        assertThatThrownBy(() -> p.render(Map.of("incident", "INC-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("triage@v1")
                .hasMessageContaining("draft")
                .hasMessageContaining("schema");
    }

    @Test
    void should_resolve_the_latest_version_and_list_versions_of_an_unknown_one() throws Exception {
        write("demo/v1.md", "---\nid: demo\nversion: 1\ndescription: first\n---\nHello {{name}}\n");
        write(
                "demo/v2.md",
                "---\nid: demo\nversion: 2\ndescription: second\nchangelog: [\"2: shorter\"]\n---\nHi {{name}}\n");
        PromptRegistry r = PromptRegistry.load(dir);
        assertThat(r.resolve("demo").ref()).isEqualTo("demo@v2");
        assertThat(r.resolve("demo@v1").render(Map.of("name", "Ana"))).isEqualTo("Hello Ana\n");
        assertThatThrownBy(() -> r.resolve("demo@v3")).hasMessageContaining("[demo@v1, demo@v2]");
        assertThatThrownBy(() -> r.resolve("nope")).hasMessageContaining("[demo]");
    }

    @Test
    void should_refuse_a_file_whose_front_matter_disagrees_with_its_name() throws Exception {
        write("demo/v1.md", "---\nid: demo\nversion: 2\ndescription: x\n---\nbody\n");
        assertThatThrownBy(() -> PromptRegistry.load(dir))
                .hasMessageContaining("demo/v1.md")
                .hasMessageContaining("demo/v2.md");
    }

    @Test
    void should_refuse_unknown_front_matter_keys() throws Exception {
        write("demo/v1.md", "---\nid: demo\nversion: 1\ndescription: x\ntemprature: 1\n---\nbody\n");
        assertThatThrownBy(() -> PromptRegistry.load(dir))
                .hasMessageContaining("temprature")
                .hasMessageContaining("valid");
    }

    @Test
    void should_join_two_registries_and_refuse_a_version_defined_twice() throws Exception {
        write("triage/v99.md", "---\nid: triage\nversion: 99\ndescription: extra\n---\nbody {{incident}}\n");
        PromptRegistry joined = PromptRegistry.bundled().plus(PromptRegistry.load(dir));
        assertThat(joined.resolve("triage@v99").description()).isEqualTo("extra");
        assertThat(joined.resolve("triage@v1").ref()).isEqualTo("triage@v1");
        assertThatThrownBy(() -> joined.plus(PromptRegistry.load(dir)))
                .hasMessageContaining("triage@v99")
                .hasMessageContaining("already defined");
    }

    private void write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
