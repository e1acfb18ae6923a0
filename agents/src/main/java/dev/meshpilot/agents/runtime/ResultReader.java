package dev.meshpilot.agents.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.meshpilot.tools.support.Results;
import java.io.IOException;

/**
 * Reads a gated tool result back into the tool's result record: a text the gate fenced
 * ({@code {"untrusted": true, "text": ...}}) becomes its plain text again, and fields the gate or a newer
 * tool added are ignored. Thread-safe.
 */
final class ResultReader {
    private static final ObjectMapper JSON = Results.JSON
            .copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("fenced-text").addDeserializer(String.class, new Unfence()));

    private ResultReader() {}

    static <T> T read(JsonNode data, Class<T> type, String evidenceId) {
        try {
            return JSON.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "evidence " + evidenceId + " does not read as " + type.getSimpleName() + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    static <T> T read(JsonNode data, TypeReference<T> type, String evidenceId) {
        try {
            return JSON.treeToValue(data, JSON.getTypeFactory().constructType(type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "evidence " + evidenceId + " does not read as "
                            + type.getType().getTypeName() + ": " + e.getOriginalMessage(),
                    e);
        }
    }

    private static final class Unfence extends StdDeserializer<String> {
        Unfence() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken().isStructStart()) {
                JsonNode n = p.readValueAsTree();
                return Texts.of(n);
            }
            return p.getValueAsString();
        }
    }
}
