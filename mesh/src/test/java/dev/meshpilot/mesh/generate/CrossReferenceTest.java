package dev.meshpilot.mesh.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.core.Progress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every id one generated file uses is declared in another, as the loader's cross-reference checks want. */
class CrossReferenceTest {
    @Test
    void should_reference_only_declared_ids_when_files_point_at_each_other(@TempDir Path temp) {
        Path ws = temp.resolve("mesh");
        new WorkspaceGenerator().generate(GeneratorSpec.of(90, 1, 11), ws, Progress.NONE);
        JsonNode mesh = Tree.yaml(ws.resolve("meshpilot.yaml"));
        Set<String> teams = ids(mesh.get("teams"), "id");
        Set<String> roles = ids(mesh.get("roles"), "id");
        Set<String> principals = ids(mesh.get("principals"), "id");
        Set<String> domains = new HashSet<>();
        Set<String> products = new HashSet<>();
        Tree.files(ws, "domains/*/domain.yaml")
                .forEach(f -> domains.add(Tree.yaml(f).get("id").asText()));
        Tree.files(ws, "domains/*/products/*.yaml")
                .forEach(f -> products.add(Tree.yaml(f).get("id").asText()));
        Set<String> contracts = new HashSet<>();
        Tree.files(ws, "contracts/**.odcs.yaml")
                .forEach(f -> contracts.add(Tree.yaml(f).get("id").asText()));

        assertThat(mesh.get("asOf").asText()).isEqualTo("2026-11-25T09:00:00Z");
        mesh.get("teams").forEach(t -> {
            assertThat(t.get("id").asText()).matches("[a-z0-9-]+");
            assertThat(t.get("chat").asText()).startsWith("#");
            assertThat(principals).contains(t.get("oncall").asText());
        });
        mesh.get("principals").forEach(p -> {
            p.get("roles").forEach(r -> assertThat(roles).contains(r.asText()));
            if (p.has("team")) {
                assertThat(teams).contains(p.get("team").asText());
            }
        });
        mesh.get("roles")
                .forEach(r -> r.get("grants")
                        .forEach(g -> g.path("domains")
                                .forEach(d -> assertThat(domains).contains(d.asText()))));
        Tree.files(ws, "domains/*/domain.yaml")
                .forEach(f ->
                        assertThat(teams).contains(Tree.yaml(f).get("owner").asText()));
        Tree.files(ws, "domains/*/products/*.yaml").forEach(f -> {
            JsonNode p = Tree.yaml(f);
            assertThat(teams).contains(p.get("owner").asText());
            assertThat(contracts).contains(p.get("contract").asText());
        });
        Tree.yaml(ws.resolve("observed/incidents.yaml")).get("incidents").forEach(i -> {
            assertThat(products).contains(i.get("product").asText());
            assertThat(i.get("id").asText()).matches("INC-\\d+");
        });
        Tree.yaml(ws.resolve("observed/grants.yaml"))
                .get("grants")
                .forEach(g -> assertThat(products).contains(g.get("product").asText()));
        Tree.files(ws, "policies/*.yaml")
                .forEach(f -> Tree.yaml(f)
                        .get("appliesTo")
                        .path("products")
                        .forEach(p -> assertThat(products).contains(p.asText())));
    }

    private static Set<String> ids(JsonNode array, String field) {
        Set<String> ids = new HashSet<>();
        array.forEach(n ->
                assertThat(ids.add(n.get(field).asText())).as("unique %s", n).isTrue());
        return ids;
    }
}
