package dev.meshpilot.mesh.contract;

import com.fasterxml.jackson.databind.JsonNode;

/** One check of Meshpilot's ODCS validation: looks at a value and records what is wrong with it. */
@FunctionalInterface
interface Rule {
    void check(JsonNode value, Where at, Findings out);

    /** This rule, then {@code next} only when this one found nothing (a type check before a value check). */
    default Rule then(Rule next) {
        return (value, at, out) -> {
            int before = out.size();
            check(value, at, out);
            if (out.size() == before) {
                next.check(value, at, out);
            }
        };
    }
}
