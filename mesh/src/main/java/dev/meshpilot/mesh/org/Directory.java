package dev.meshpilot.mesh.org;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the organisation from the store: principals, their roles and the roles' scope grants, and teams.
 * Thread-safe.
 */
public final class Directory {
    private final MeshStore store;

    public Directory(MeshStore store) {
        this.store = store;
    }

    /** The store this reads. */
    public MeshStore store() {
        return store;
    }

    public Optional<Principal> principal(String id) {
        return principalWhere("id", id);
    }

    /** The principal whose {@code slack:} member id is {@code slackId}; empty when none declares it. */
    public Optional<Principal> principalBySlack(String slackId) {
        return principalWhere("slack", slackId);
    }

    /** The user principal whose e-mail is {@code email} (ignoring case); empty when none, or when several share it. */
    public Optional<Principal> userByEmail(String email) {
        List<String> ids = store.withHandle(h -> h.createQuery(
                        "SELECT id FROM principal WHERE kind = 'user' AND lower(email) = lower(?) ORDER BY id LIMIT 2")
                .bind(0, email)
                .mapTo(String.class)
                .list());
        return ids.size() == 1 ? principal(ids.get(0)) : Optional.empty();
    }

    private Optional<Principal> principalWhere(String column, String value) {
        return store.withHandle(h -> h.createQuery(
                        "SELECT id, kind, name, email, team, roles_json, slack FROM principal WHERE " + column
                                + " = ? ORDER BY id LIMIT 1")
                .bind(0, value)
                .map((rs, ctx) -> new Principal(
                        rs.getString(1),
                        Principal.Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        Json.read(rs.getString(6), new TypeReference<List<String>>() {}),
                        rs.getString(7)))
                .findOne());
    }

    public List<String> principalIds() {
        return store.withHandle(h -> h.createQuery("SELECT id FROM principal ORDER BY id")
                .mapTo(String.class)
                .list());
    }

    public Optional<Role> role(String id) {
        return store.withHandle(h -> h.createQuery("SELECT id, description, grants_json FROM role WHERE id = ?")
                .bind(0, id)
                .map((rs, ctx) -> new Role(
                        rs.getString(1),
                        rs.getString(2),
                        Json.read(rs.getString(3), new TypeReference<List<Grant>>() {})))
                .findOne());
    }

    public Optional<Team> team(String id) {
        return store.withHandle(h -> h.createQuery("SELECT id, name, email, chat, oncall FROM team WHERE id = ?")
                .bind(0, id)
                .map((rs, ctx) ->
                        new Team(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .findOne());
    }
}
