package dev.meshpilot.agents.kit;

import java.util.List;

/** A team that owns a product and how to reach it, with the evidence it was read from. */
public record Owner(String team, String name, String chat, String oncall, List<String> evidence) implements Finding {
    public Owner {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The owner a tool returned, cited as {@code evidence}; null when the tool named no owner. */
    public static Owner of(dev.meshpilot.mesh.view.Owner owner, String evidence) {
        return owner == null
                ? null
                : new Owner(owner.team(), owner.name(), owner.chat(), owner.oncall(), List.of(evidence));
    }
}
