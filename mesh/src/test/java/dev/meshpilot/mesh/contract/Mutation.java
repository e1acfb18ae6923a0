package dev.meshpilot.mesh.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * One change to a valid ODCS example that a producer could make by mistake (or on purpose), applied to a
 * copy of the example's tree. Values are written as YAML ({@code "[1]"}, {@code "'5432'"}, {@code "{a: 1}"}).
 */
record Mutation(String name, String example, Consumer<ObjectNode> change) {
    static final YAMLMapper YAML = new YAMLMapper();

    static Mutation drop(String name, String example, String pointer, String field) {
        return new Mutation(name, example, doc -> object(doc, pointer).remove(field));
    }

    static Mutation set(String name, String example, String pointer, String field, String yamlValue) {
        return new Mutation(name, example, doc -> object(doc, pointer).set(field, yaml(yamlValue)));
    }

    JsonNode apply(JsonNode example) {
        ObjectNode copy = example.deepCopy();
        change.accept(copy);
        return copy;
    }

    @Override
    public String toString() {
        return name + " (" + example + ")";
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree("v: " + text).get("v");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode object(ObjectNode doc, String pointer) {
        JsonNode node = pointer.isEmpty() ? doc : doc.at(pointer);
        if (!(node instanceof ObjectNode o)) {
            throw new AssertionError("no mapping at " + pointer + " in the example");
        }
        return o;
    }
}
