package dev.meshpilot.mesh.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered maps the YAML documents are written from; insertion order is output order. */
final class Docs {
    private final Map<String, Object> map = new LinkedHashMap<>();

    static Docs doc() {
        return new Docs();
    }

    /** Adds {@code key: value}; a null value is left out. */
    Docs put(String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
        return this;
    }

    Map<String, Object> map() {
        return map;
    }
}
