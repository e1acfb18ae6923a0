package dev.meshpilot.mesh.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fields an ODCS mapping may have, each with its rule, and which are required. Built once and then only
 * read (every {@code with}/{@code plus} returns a new table), so the tables are shared between threads.
 */
final class Fields {
    static final Fields NONE = new Fields(Map.of(), Set.of());

    private final Map<String, Rule> rules;
    private final Set<String> required;

    private Fields(Map<String, Rule> rules, Set<String> required) {
        this.rules = rules;
        this.required = required;
    }

    /** These fields and an optional {@code name}. */
    Fields with(String name, Rule rule) {
        Map<String, Rule> r = new LinkedHashMap<>(rules);
        r.put(name, rule);
        return new Fields(r, required);
    }

    /** These fields and a required {@code name}. */
    Fields require(String name, Rule rule) {
        Set<String> req = new LinkedHashSet<>(required);
        req.add(name);
        return new Fields(with(name, rule).rules, req);
    }

    Fields plus(Fields other) {
        Map<String, Rule> r = new LinkedHashMap<>(rules);
        r.putAll(other.rules);
        Set<String> req = new LinkedHashSet<>(required);
        req.addAll(other.required);
        return new Fields(r, req);
    }

    boolean has(String name) {
        return rules.containsKey(name);
    }

    /** A mapping with only these fields. */
    Rule closed() {
        return (v, at, out) -> check(v, at, out, true);
    }

    /** A mapping with these fields and any others. */
    Rule open() {
        return (v, at, out) -> check(v, at, out, false);
    }

    void check(JsonNode v, Where at, Findings out, boolean closed) {
        if (!v.isObject()) {
            out.add(at, "expected a mapping, got " + Values.describe(v));
            return;
        }
        for (String name : required) {
            if (!v.has(name)) {
                out.add(at.key(name), "required field is missing");
            }
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            Rule rule = rules.get(e.getKey());
            if (rule != null) {
                rule.check(e.getValue(), at.key(e.getKey()), out);
            } else if (closed) {
                out.add(at.key(e.getKey()), unknown());
            }
        }
    }

    private String unknown() {
        return rules.isEmpty()
                ? "unknown field (no fields are allowed here)"
                : "unknown field (valid: " + String.join(", ", rules.keySet()) + ")";
    }
}
