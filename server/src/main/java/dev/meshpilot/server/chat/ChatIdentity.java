package dev.meshpilot.server.chat;

import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.tools.access.Principals;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who a chat user is in the mesh: the principal whose {@code slack:} member id in {@code meshpilot.yaml} is the
 * user's, else (when the adapter can tell a user's e-mail) the one user principal with that e-mail; with that
 * principal's grants and nothing more. An unmapped user is the configured read-only principal
 * when there is one, else nobody (the adapter refuses politely). Thread-safe.
 */
public final class ChatIdentity {
    private final Directory directory;
    private final Principals principals;
    private final String fallback;
    private final Function<String, Optional<String>> emails;

    /** {@code fallback}: the principal unmapped users act as (null: they are refused). */
    public ChatIdentity(Directory directory, Principals principals, String fallback) {
        this(directory, principals, fallback, null);
    }

    /** With {@code emails}: a chat user's e-mail (empty when unknown), to map users without a chat id. */
    public ChatIdentity(
            Directory directory, Principals principals, String fallback, Function<String, Optional<String>> emails) {
        this.emails = emails;
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
            Optional<String> mapped = own(chatUser);
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
        return own(chatUser).isPresent();
    }

    private Optional<String> own(String chatUser) {
        Optional<String> bySlack = directory.principalBySlack(chatUser).map(p -> p.id());
        if (bySlack.isPresent() || emails == null) {
            return bySlack;
        }
        return emails.apply(chatUser).flatMap(directory::userByEmail).map(p -> p.id());
    }
}
