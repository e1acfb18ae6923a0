package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Builds hand-written RunEvents for tests, as JSON trees to tweak before parsing. */
final class Events {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PRODUCER = "https://example.test/meshpilot-tests";

    private Events() {}

    static ObjectNode event(String type, String time, UUID runId, String jobNamespace, String jobName) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventType", type);
        e.put("eventTime", time);
        e.put("producer", PRODUCER);
        e.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        e.putObject("run").put("runId", runId.toString());
        e.putObject("job").put("namespace", jobNamespace).put("name", jobName);
        e.putArray("inputs");
        e.putArray("outputs");
        return e;
    }

    /** Adds a dataset to {@code inputs} or {@code outputs} of {@code event} and returns it. */
    static ObjectNode dataset(ObjectNode event, String list, String namespace, String name) {
        ArrayNode datasets = (ArrayNode) event.get(list);
        return datasets.addObject().put("namespace", namespace).put("name", name);
    }

    /** A facet object with the base fields the spec asks for. */
    static ObjectNode facet(ObjectNode container, String name) {
        return container.putObject(name).put("_producer", PRODUCER).put("_schemaURL", "https://example.test/" + name);
    }

    static ObjectNode container(ObjectNode owner, String key) {
        return owner.has(key) ? (ObjectNode) owner.get(key) : owner.putObject(key);
    }

    static RunEvent parse(JsonNode event) {
        return RunEventParser.parse(event.toString());
    }
}
