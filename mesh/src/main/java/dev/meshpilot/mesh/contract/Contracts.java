package dev.meshpilot.mesh.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads contract versions from the store. The <em>current</em> version of a contract id is the highest
 * {@code active} version, else the highest version. Thread-safe.
 */
public final class Contracts {
    /** Orders versions numerically part by part ({@code 1.10.0} after {@code 1.9.0}), text parts as text. */
    public static final Comparator<String> VERSION_ORDER = Contracts::compareVersions;

    private final MeshStore store;

    public Contracts(MeshStore store) {
        this.store = store;
    }

    public List<String> versions(String id) {
        return store
                .withHandle(h -> h.createQuery("SELECT version FROM contract WHERE id = ?")
                        .bind(0, id)
                        .mapTo(String.class)
                        .list())
                .stream()
                .sorted(VERSION_ORDER)
                .toList();
    }

    public Optional<Contract> get(String id, String version) {
        return store.withHandle(h -> h.createQuery("SELECT document_json FROM contract WHERE id = ? AND version = ?")
                        .bind(0, id)
                        .bind(1, version)
                        .mapTo(String.class)
                        .findOne())
                .map(json -> ContractParser.parse(Json.read(json, JsonNode.class)));
    }

    public Optional<Contract> current(String id) {
        return currentVersion(id).flatMap(v -> get(id, v.version()));
    }

    /** A contract version and its ODCS status. */
    public record Version(String version, String status) {}

    /** Which version is current — the newest active one, else the newest — without parsing any document. */
    public Optional<Version> currentVersion(String id) {
        List<Version> rows = store.withHandle(h -> h.createQuery("SELECT version, status FROM contract WHERE id = ?")
                .bind(0, id)
                .map((rs, ctx) -> new Version(rs.getString(1), rs.getString(2)))
                .list());
        Comparator<Version> order = Comparator.comparing((Version v) -> "active".equals(v.status()))
                .thenComparing(Version::version, VERSION_ORDER);
        return rows.stream().max(order);
    }

    static int compareVersions(String a, String b) {
        String[] pa = a.split("[.-]");
        String[] pb = b.split("[.-]");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            String x = i < pa.length ? pa[i] : "0";
            String y = i < pb.length ? pb[i] : "0";
            int c = x.matches("\\d{1,9}") && y.matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(x), Integer.parseInt(y))
                    : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
