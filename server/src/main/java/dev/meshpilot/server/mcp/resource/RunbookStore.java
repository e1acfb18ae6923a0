package dev.meshpilot.server.mcp.resource;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.meshpilot.mesh.runbook.Runbook;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads runbooks from the store (the mesh module has no runbook reader on this branch yet). Thread-safe. */
public final class RunbookStore {
    private static final String SELECT = "SELECT id, title, applies_to_json, tags_json, body FROM runbook";
    private final MeshStore store;

    public RunbookStore(MeshStore store) {
        this.store = store;
    }

    public List<Runbook> list() {
        return store.withHandle(h -> h.createQuery(SELECT + " ORDER BY id")
                .map((rs, ctx) ->
                        row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list());
    }

    public Optional<Runbook> get(String id) {
        return store.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) ->
                        row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .findOne());
    }

    private static Runbook row(String id, String title, String appliesJson, String tagsJson, String body) {
        Map<String, List<String>> applies = Json.read(appliesJson, new TypeReference<Map<String, List<String>>>() {});
        List<String> tags = Json.read(tagsJson, new TypeReference<List<String>>() {});
        return new Runbook(
                id,
                title,
                applies.getOrDefault("products", List.of()),
                applies.getOrDefault("errorClasses", List.of()),
                tags,
                body);
    }
}
