package dev.meshpilot.tools.access;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.org.Grant;
import dev.meshpilot.mesh.store.LoadCache;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Role;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.principal.ScopeGrant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a principal of the workspace ({@code meshpilot.yaml}) into the sandbox's {@link Principal}, with
 * its roles' grants. An unknown principal is an error that lists the known ones. Thread-safe.
 */
public final class Principals {
    private final Directory directory;
    private final LoadCache<String, Optional<Principal>> resolved;

    public Principals(Directory directory) {
        this.directory = directory;
        this.resolved =
                new LoadCache<>(directory.store(), id -> directory.principal(id).map(this::of));
    }

    /**
     * The principal {@code id} with its grants as the loaded workspace declares them. Every HTTP request resolves
     * its token's principal, so the answer is kept until the next load ({@link LoadCache}): a principal removed
     * or regranted by a load is seen by the next request.
     */
    public Principal resolve(String id) {
        return resolved.get(id)
                .orElseThrow(() -> new MeshpilotException(
                        ErrorCode.NOT_FOUND,
                        "no principal '" + id + "' in the workspace (known: "
                                + String.join(", ", directory.principalIds()) + ")"));
    }

    private Principal of(dev.meshpilot.mesh.org.Principal p) {
        List<Role> roles = new ArrayList<>();
        for (String roleId : p.roles()) {
            directory
                    .role(roleId)
                    .ifPresent(r -> roles.add(new Role(
                            r.id(), r.grants().stream().map(Principals::grant).toList())));
        }
        Principal.Kind kind = p.kind() == dev.meshpilot.mesh.org.Principal.Kind.SERVICE
                ? Principal.Kind.SERVICE
                : Principal.Kind.USER;
        return new Principal(p.id(), kind, roles);
    }

    private static ScopeGrant grant(Grant g) {
        Scope scope = Scope.of(g.scope())
                .orElseThrow(() -> new MeshpilotException(
                        ErrorCode.WORKSPACE_INVALID,
                        "unknown scope '" + g.scope() + "' in the store; reload the workspace"));
        return new ScopeGrant(scope, g.domains(), g.products());
    }
}
