package dev.meshpilot.tools.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.meshpilot.tools.catalog.PolicyList.PolicyView;
import java.util.ArrayList;
import java.util.List;

/** A policy as the checks apply it: its view and its finding level. */
record Rule(PolicyView view) {
    String id() {
        return view.id();
    }

    String kind() {
        return view.kind();
    }

    JsonNode rule() {
        return view.rule() == null ? NullNode.getInstance() : view.rule();
    }

    /** critical and high policies deny, medium warns, low informs. */
    String level() {
        return level(view.severity());
    }

    /** The finding level of a policy severity: critical and high deny, low informs, anything else warns. */
    static String level(String severity) {
        return switch (severity == null ? "medium" : severity) {
            case "critical", "high" -> "deny";
            case "low" -> "info";
            default -> "warn";
        };
    }

    /** Whether it applies to a product of {@code domain}; classification scopes are checked by the kind. */
    boolean appliesTo(String product, String domain) {
        var a = view.appliesTo();
        return a.all()
                || a.products().contains(product)
                || a.domains().contains(domain)
                || !a.classifications().isEmpty();
    }

    List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        rule().path(field).forEach(n -> out.add(n.asText()));
        return out;
    }
}
