package dev.meshpilot.mesh.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenLineage 2-0-2 core schema and facet schemas from the shared standards folder, registered under
 * their {@code $id}s so that an event validates against the core schema and each facet against the schema
 * its {@code _schemaURL} names, with formats (uuid, date-time, uri) asserted. Nothing is fetched.
 */
final class OpenLineageSpec {
    private final SchemaRegistry registry;

    private OpenLineageSpec(SchemaRegistry registry) {
        this.registry = registry;
    }

    static OpenLineageSpec load(Path core) {
        Map<String, String> schemas = new HashMap<>();
        List<Path> files = new ArrayList<>(Tree.files(core.getParent(), "facets/*.json"));
        files.add(core);
        for (Path file : files) {
            try {
                String text = Files.readString(file);
                schemas.put(Tree.JSON.readTree(text).get("$id").asText(), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new OpenLineageSpec(SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(schemas)
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build())));
    }

    /** Schema violations of the event and of every facet in it; empty when valid. */
    List<String> violations(JsonNode event) {
        List<String> out = new ArrayList<>();
        check(RunEvents.SCHEMA_URL, event, "event", out);
        facets(event.at("/run/facets"), out);
        facets(event.at("/job/facets"), out);
        for (JsonNode dataset : event.get("outputs")) {
            facets(dataset.path("facets"), out);
            facets(dataset.path("outputFacets"), out);
        }
        return out;
    }

    private void facets(JsonNode facets, List<String> out) {
        facets.properties().forEach(f -> check(f.getValue().get("_schemaURL").asText(), f.getValue(), f.getKey(), out));
    }

    private void check(String schemaUrl, JsonNode node, String what, List<String> out) {
        registry.getSchema(SchemaLocation.of(schemaUrl))
                .validate(node.toString(), InputFormat.JSON)
                .forEach(e -> out.add(what + ": " + e.getMessage()));
    }
}
