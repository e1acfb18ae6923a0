package dev.meshpilot.server.chat;

import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.tools.access.Principals;
import java.util.Optional;

/**
 * Who a chat user is in the mesh: the principal whose {@code slack:} member id in {@code meshpilot.yaml} is the
 * user's, with that principal's grants and nothing more. An unmapped user is the configured read-only principal
 * when there is one, else nobody (the adapter refuses politely). Thread-safe.
 */
public final class ChatIdentity {
    private final Directory directory;
    private final Principals principals;
    private final String fallback;

    /** {@code fallback}: the principal unmapped users act as (null: they are refused). */
    public ChatIdentity(Directory directory, Principals principals, String fallback) {
        this.directory = directory;
        this.principals = principals;
        this.fallback = fallback;
        if (fallback != null) {
            principals.resolve(fallback); // fails now, naming the known principals, not at the first request
        }
    }

    /** The principal {@code chatUser} acts as; empty when unmapped and no fallback is configured. */
    public Optional<Principal> principal(String chatUser) {
        try {
            Optional<String> mapped = directory.principalBySlack(chatUser).map(p -> p.id());
            if (mapped.isPresent()) {
                return Optional.of(principals.resolve(mapped.get()));
            }
            return fallback == null ? Optional.empty() : Optional.of(principals.resolve(fallback));
        } catch (MeshpilotException e) {
            return Optional.empty(); // the workspace was reloaded without it
        }
    }

    /** Whether {@code chatUser} is mapped to a principal of their own (not the read-only fallback). */
    public boolean mapped(String chatUser) {
        return directory.principalBySlack(chatUser).isPresent();
    }
}
