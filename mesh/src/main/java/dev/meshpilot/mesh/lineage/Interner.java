package dev.meshpilot.mesh.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dense int ids for strings, in order of first sight. Not thread-safe: {@link LineageGraph} guards it. */
final class Interner {
    private final Map<String, Integer> ids;
    private final List<String> names;

    Interner(int expected) {
        ids = HashMap.newHashMap(expected);
        names = new ArrayList<>(expected);
    }

    /** The id of {@code name}, assigning the next one if it is new. */
    int intern(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        int next = names.size();
        ids.put(name, next);
        names.add(name);
        return next;
    }

    /** The id of {@code name}, or -1. */
    int id(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    String name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }

    /** Bytes of the strings and the map, estimated (48 bytes an entry plus two per char), for status output. */
    long bytes() {
        long b = 0;
        for (String s : names) {
            b += 48 + 2L * s.length();
        }
        return b;
    }
}
