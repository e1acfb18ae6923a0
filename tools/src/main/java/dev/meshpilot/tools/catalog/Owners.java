package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.org.Team;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Schema;

/** The owning team of a product as tools show it: who, how to reach them, who is on call. */
public final class Owners {
    private Owners() {}

    public static ObjectNode owner(MeshView mesh, DataProduct p) {
        return owner(mesh, p.domain(), p.owner());
    }

    /** The owner of a product of {@code domainId} owned by {@code teamId} (null: none declared). */
    public static ObjectNode owner(MeshView mesh, String domainId, String teamId) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        Team team = teamId == null ? null : mesh.directory().team(teamId).orElse(null);
        var domain = mesh.products().domain(domainId).orElse(null);
        o.put("team", teamId);
        o.put("name", team == null ? null : team.name());
        o.put("email", team == null ? null : team.email());
        String chat = team != null && team.chat() != null ? team.chat() : domain == null ? null : domain.chat();
        String oncall = team != null && team.oncall() != null ? team.oncall() : domain == null ? null : domain.oncall();
        o.put("chat", chat);
        o.put("oncall", oncall);
        return o;
    }

    public static ObjectNode schema() {
        return Schema.output()
                .required("team", Schema.nullableString("Owning team id (null when the product has none)."))
                .required("name", Schema.nullableString("Team name."))
                .required("email", Schema.nullableString("Team email."))
                .required("chat", Schema.nullableString("Chat channel of the team, else of the domain."))
                .required("oncall", Schema.nullableString("Principal on call for the team, else for the domain."))
                .build();
    }
}
