package dev.meshpilot.agents.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.tools.catalog.PolicyList.ExceptionView;
import dev.meshpilot.tools.catalog.PolicyList.PolicyView;
import java.util.List;

/** A policy as the playbook applies it: the view the tool returned, its evidence id and its finding level. */
record Rule(PolicyView view, String evidence) {
    String id() {
        return view.id();
    }

    String kind() {
        return view.kind();
    }

    JsonNode rule() {
        return view.rule() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : view.rule();
    }

    List<ExceptionView> exceptions() {
        return view.exceptions() == null ? List.of() : view.exceptions();
    }

    /** critical and high policies deny, medium warns, low informs. */
    String level() {
        return switch (view.severity() == null ? "medium" : view.severity()) {
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
        List<String> out = new java.util.ArrayList<>();
        rule().path(field).forEach(n -> out.add(n.asText()));
        return out;
    }
}
