package dev.meshpilot.mesh.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The value rules ODCS fields are made of: text, numbers, true/false, lists, and text from a fixed set. */
final class Values {
    static final Rule ANY = (v, at, out) -> {};
    static final Rule TEXT = kind(JsonNode::isTextual, "text");
    static final Rule BOOLEAN = kind(JsonNode::isBoolean, "true or false");
    static final Rule NUMBER = kind(JsonNode::isNumber, "a number");
    static final Rule INTEGER = kind(Values::isWhole, "a whole number");
    static final Rule NON_NEGATIVE = INTEGER.then(when(v -> v.asLong() >= 0, "must be 0 or more"));
    static final Rule MAPPING = kind(JsonNode::isObject, "a mapping");
    /** A single value: text, a number, true/false, or nothing. */
    static final Rule SCALAR = kind(v -> !v.isContainerNode(), "a single value (text, a number or true/false)");

    private Values() {}

    /** Text that is one of {@code allowed}; the message lists them. */
    static Rule oneOf(String... allowed) {
        List<String> values = List.of(allowed);
        return TEXT.then(when(
                v -> values.contains(v.asText()),
                v -> "'" + v.asText() + "' is not one of " + String.join(", ", values)));
    }

    /** A list whose items each pass {@code item}. */
    static Rule listOf(Rule item) {
        return kind(JsonNode::isArray, "a list").then((v, at, out) -> {
            for (int i = 0; i < v.size(); i++) {
                item.check(v.get(i), at.index(i), out);
            }
        });
    }

    /** A list of at least one item, no item twice, each passing {@code item}. */
    static Rule distinctListOf(Rule item) {
        return listOf(item).then(when(v -> !v.isEmpty(), "must not be empty")).then((v, at, out) -> {
            Set<JsonNode> seen = new HashSet<>();
            for (int i = 0; i < v.size(); i++) {
                if (!seen.add(v.get(i))) {
                    out.add(at.index(i), "duplicate item " + v.get(i));
                }
            }
        });
    }

    /** Text for which {@code valid} holds; otherwise {@code "'value' " + expected}. */
    static Rule textWhere(Predicate<String> valid, String expected) {
        return TEXT.then(when(v -> valid.test(v.asText()), v -> "'" + v.asText() + "' " + expected));
    }

    static Rule when(Predicate<JsonNode> valid, String message) {
        return when(valid, v -> message);
    }

    static Rule when(Predicate<JsonNode> valid, java.util.function.Function<JsonNode, String> message) {
        return (v, at, out) -> {
            if (!valid.test(v)) {
                out.add(at, message.apply(v));
            }
        };
    }

    static Rule kind(Predicate<JsonNode> valid, String expected) {
        return when(valid, v -> "expected " + expected + ", got " + describe(v));
    }

    static boolean isWhole(JsonNode v) {
        return v.isIntegralNumber()
                || v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0;
    }

    /** How a value reads in a message: {@code a mapping}, {@code a list}, {@code nothing}, or the value quoted. */
    static String describe(JsonNode v) {
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isNull()) {
            return "nothing";
        }
        return v.isTextual()
                ? "'" + v.asText() + "'"
                : v.asText() + " (" + (v.isNumber() ? "a number" : "true/false") + ")";
    }
}
