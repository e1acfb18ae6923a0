package dev.meshpilot.tools.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.sandbox.tool.ToolOutput;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a tool's result record into the JSON the gate shapes: components in declaration order, nulls kept,
 * instants as ISO-8601 text; the {@link FreeText} components (in nested records and lists too) are the
 * untrusted paths the gate fences. Thread-safe.
 */
public final class Results {
    /** The mapper that writes result records; agents read them back with the same conventions. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Map<Class<?>, List<String>> UNTRUSTED = new ConcurrentHashMap<>();

    private Results() {}

    /** An {@code ok} output of {@code result}, its free text marked untrusted. */
    public static ToolOutput ok(Record result) {
        JsonNode data = JSON.valueToTree(result);
        return ToolOutput.ok(data, List.of(), untrusted(result.getClass()));
    }

    /**
     * An {@code ok} output of {@code result} whose free text lies where {@link FreeText} cannot say (behind a
     * type variable or an interface): {@code untrusted} names it.
     */
    public static ToolOutput ok(Record result, List<String> untrusted) {
        return ToolOutput.ok(JSON.valueToTree(result), List.of(), untrusted);
    }

    /** The JSON pointers (with {@code *} for list items) of the {@link FreeText} components of {@code type}. */
    public static List<String> untrusted(Class<?> type) {
        return UNTRUSTED.computeIfAbsent(type, t -> {
            List<String> out = new ArrayList<>();
            collect(t, "", out);
            return List.copyOf(out);
        });
    }

    private static void collect(Class<?> type, String prefix, List<String> out) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String at = prefix + "/" + c.getName();
            if (c.isAnnotationPresent(FreeText.class)) {
                out.add(at);
            } else if (List.class.isAssignableFrom(c.getType()) && c.getGenericType() instanceof ParameterizedType p) {
                Type item = p.getActualTypeArguments()[0];
                if (item instanceof Class<?> k) {
                    collect(k, at + "/*", out);
                }
            } else {
                collect(c.getType(), at, out);
            }
        }
    }
}
