package dev.meshpilot.mesh.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlDocTest {
    @Test
    void should_remember_the_line_of_every_field_and_item() {
        Problems problems = new Problems();
        YamlDoc doc = YamlDoc.parse("f.yaml", "a: 1\nlist:\n  - x: yes\n  - y: 2.5\nversion: 1.0.0\n", problems);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(doc.line("/list/1/y")).isEqualTo(4);
        assertThat(doc.line("/list/0/x/nothing")).isEqualTo(3);
        assertThat(doc.root().path("list").path(0).path("x").asBoolean())
                .as("yes is a boolean, as in YAML 1.1")
                .isTrue();
        assertThat(doc.root().path("version").asText()).isEqualTo("1.0.0");
        assertThat(doc.root().path("list").path(1).path("y").isNumber()).isTrue();
    }

    @Test
    void should_refuse_duplicate_keys_with_their_line() {
        Problems problems = new Problems();

        assertThat(YamlDoc.parse("f.yaml", "id: a\nname: b\nid: c\n", problems)).isNull();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("Duplicate field 'id'");
        });
    }

    @Test
    void should_refuse_aliases_and_second_documents() {
        Problems problems = new Problems();

        assertThat(YamlDoc.parse("a.yaml", "base: &b x\ncopy: *b\n", problems)).isNull();
        assertThat(YamlDoc.parse("b.yaml", "a: 1\n---\nb: 2\n", problems)).isNull();
        assertThat(problems.sorted())
                .extracting(Problem::toString)
                .anySatisfy(s -> assertThat(s).startsWith("a.yaml:2: YAML aliases (*b) are not supported"))
                .anySatisfy(s -> assertThat(s).startsWith("b.yaml:3: YAML syntax error: more than one document"));
    }
}
