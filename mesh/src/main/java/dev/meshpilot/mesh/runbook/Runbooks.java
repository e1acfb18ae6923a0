package dev.meshpilot.mesh.runbook;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.store.MeshStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads runbooks from the store, by id. Thread-safe. */
public final class Runbooks {
    private static final TypeReference<Map<String, List<String>>> APPLIES = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final MeshStore store;

    public Runbooks(MeshStore store) {
        this.store = store;
    }

    public List<Runbook> list() {
        return store.withHandle(
                h -> h.createQuery("SELECT id, title, applies_to_json, tags_json, body FROM runbook ORDER BY id")
                        .map((rs, ctx) -> runbook(rs))
                        .list());
    }

    public Optional<Runbook> get(String id) {
        return store.withHandle(
                h -> h.createQuery("SELECT id, title, applies_to_json, tags_json, body FROM runbook WHERE id = ?")
                        .bind(0, id)
                        .map((rs, ctx) -> runbook(rs))
                        .findOne());
    }

    private static Runbook runbook(ResultSet rs) throws SQLException {
        Map<String, List<String>> applies = Json.read(rs.getString("applies_to_json"), APPLIES);
        return new Runbook(
                rs.getString("id"),
                rs.getString("title"),
                applies.getOrDefault("products", List.of()),
                applies.getOrDefault("errorClasses", List.of()),
                Json.read(rs.getString("tags_json"), STRINGS),
                rs.getString("body"));
    }
}
