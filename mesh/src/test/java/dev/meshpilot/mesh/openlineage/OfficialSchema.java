package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The official OpenLineage JSON Schemas (core 2-0-2 and the facet schemas), read in place from the shared
 * standards folder, as a second opinion on an event. The core schema checks the event; each facet schema
 * checks the facet of its name in the containers its base type allows (a RunFacet in {@code run.facets}, an
 * InputDatasetFacet in {@code inputs[].inputFacets}, ...). Formats are annotations, as JSON Schema 2020-12
 * has them by default.
 */
final class OfficialSchema {
    private record FacetSchema(String name, String base, Schema schema) {}

    private final Schema core;
    private final List<FacetSchema> facets = new ArrayList<>();

    OfficialSchema(Path spec) {
        Map<String, String> byId = new HashMap<>();
        Map<Path, String> ids = new HashMap<>();
        try (Stream<Path> files =
                Stream.concat(Stream.of(spec.resolve("OpenLineage.json")), Files.list(spec.resolve("facets")))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                String id = Events.JSON.readTree(text).path("$id").asText();
                byId.put(id, text);
                ids.put(file, id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistry registry =
                SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(byId));
        this.core = registry.getSchema(SchemaLocation.of(ids.get(spec.resolve("OpenLineage.json"))));
        ids.forEach((file, id) -> {
            JsonNode text = read(byId.get(id));
            if (!file.getFileName().toString().equals("OpenLineage.json")) {
                String name = text.path("properties").fieldNames().next();
                for (JsonNode def : text.path("$defs")) {
                    for (JsonNode part : def.path("allOf")) {
                        String ref = part.path("$ref").asText();
                        if (ref.contains("OpenLineage.json#/$defs/")) {
                            String base = ref.substring(ref.lastIndexOf('/') + 1);
                            facets.add(new FacetSchema(name, base, registry.getSchema(SchemaLocation.of(id))));
                        }
                    }
                }
            }
        });
    }

    /** The schema errors of {@code event}, each with where it was found; empty when the schemas accept it. */
    List<String> errors(JsonNode event) {
        List<String> errors = new ArrayList<>();
        core.validate(event.toString(), InputFormat.JSON).forEach(e -> errors.add("core: " + e));
        for (FacetSchema f : facets) {
            for (Map.Entry<String, JsonNode> container :
                    containers(event, f.base()).entrySet()) {
                JsonNode facet = container.getValue().get(f.name());
                if (facet != null) {
                    ObjectNode one = Events.JSON.createObjectNode().set(f.name(), facet);
                    f.schema()
                            .validate(one.toString(), InputFormat.JSON)
                            .forEach(e -> errors.add(container.getKey() + ": " + e));
                }
            }
        }
        return errors;
    }

    private static Map<String, JsonNode> containers(JsonNode event, String base) {
        Map<String, JsonNode> containers = new HashMap<>();
        switch (base) {
            case "RunFacet" -> containers.put("run.facets", event.path("run").path("facets"));
            case "JobFacet" -> containers.put("job.facets", event.path("job").path("facets"));
            default -> {
                for (String list : List.of("inputs", "outputs")) {
                    for (int i = 0; i < event.path(list).size(); i++) {
                        JsonNode d = event.path(list).get(i);
                        String key = switch (base) {
                            case "DatasetFacet" -> "facets";
                            case "InputDatasetFacet" -> list.equals("inputs") ? "inputFacets" : null;
                            case "OutputDatasetFacet" -> list.equals("outputs") ? "outputFacets" : null;
                            default -> null;
                        };
                        if (key != null) {
                            containers.put(list + "[" + i + "]." + key, d.path(key));
                        }
                    }
                }
            }
        }
        return containers;
    }

    private static JsonNode read(String text) {
        try {
            return Events.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
