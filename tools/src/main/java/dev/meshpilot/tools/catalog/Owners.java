package dev.meshpilot.tools.catalog;

import dev.meshpilot.mesh.org.Team;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.tools.MeshView;

/** Finds the {@link Owner} of a product: its team, else its domain's chat and on-call. */
public final class Owners {
    private Owners() {}

    public static Owner owner(MeshView mesh, DataProduct p) {
        return owner(mesh, p.domain(), p.owner());
    }

    /** The owner of a product of {@code domainId} owned by {@code teamId} (null: none declared). */
    public static Owner owner(MeshView mesh, String domainId, String teamId) {
        Team team = teamId == null ? null : mesh.directory().team(teamId).orElse(null);
        var domain = mesh.products().domain(domainId).orElse(null);
        String chat = team != null && team.chat() != null ? team.chat() : domain == null ? null : domain.chat();
        String oncall = team != null && team.oncall() != null ? team.oncall() : domain == null ? null : domain.oncall();
        return new Owner(teamId, team == null ? null : team.name(), team == null ? null : team.email(), chat, oncall);
    }
}
