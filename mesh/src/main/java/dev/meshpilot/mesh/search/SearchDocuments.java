package dev.meshpilot.mesh.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.contract.Contract;
import dev.meshpilot.mesh.contract.ContractParser;
import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Builds the search documents of the four kinds from the store with plain SQL, in one read transaction so
 * that they are consistent with each other. Stateless.
 */
final class SearchDocuments {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, List<String>>> APPLIES = new TypeReference<>() {};

    private SearchDocuments() {}

    /** Every product, current contract, runbook and incident of the store. */
    static List<SearchDocument> all(MeshStore store) {
        return store.inTransaction(h -> {
            Catalog c = Catalog.read(h);
            List<SearchDocument> out = new ArrayList<>();
            c.products.values().forEach(p -> out.add(Documents.product(p, c)));
            c.contracts.values().forEach(k -> out.add(Documents.contract(k, c)));
            h.createQuery("SELECT id, title, applies_to_json, tags_json, body FROM runbook ORDER BY id")
                    .map((rs, ctx) -> {
                        Map<String, List<String>> applies = Json.read(rs.getString(3), APPLIES);
                        return Documents.runbook(
                                new Documents.RunbookRow(
                                        rs.getString(1),
                                        rs.getString(2),
                                        applies.getOrDefault("products", List.of()),
                                        applies.getOrDefault("errorClasses", List.of()),
                                        Json.read(rs.getString(4), STRINGS),
                                        rs.getString(5)),
                                c);
                    })
                    .forEach(out::add);
            incidents(h, null).forEach(i -> out.add(Documents.incident(i, c)));
            return out;
        });
    }

    /** The incidents among {@code ids} that exist in the store. */
    static List<SearchDocument> incidents(MeshStore store, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return store.inTransaction(h -> {
            Catalog c = Catalog.read(h);
            return incidents(h, ids).stream().map(i -> Documents.incident(i, c)).toList();
        });
    }

    private static List<Documents.IncidentRow> incidents(Handle h, Collection<String> ids) {
        var q = h.createQuery("SELECT id, title, product_id, status, severity, error_class, description, "
                + "root_cause, resolution FROM incident" + (ids == null ? "" : " WHERE id IN (<ids>)")
                + " ORDER BY id");
        if (ids != null) {
            q.bindList("ids", List.copyOf(ids));
        }
        return q.map((rs, ctx) -> new Documents.IncidentRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    /** Teams, domains, products and current contracts: what every kind of document refers to. */
    record Catalog(
            Map<String, String> teams,
            Map<String, String> domains,
            Map<String, Documents.ProductRow> products,
            Map<String, Contract> contracts,
            Map<String, String> domainOfContract) {
        static Catalog read(Handle h) {
            Map<String, String> teams = new HashMap<>();
            h.createQuery("SELECT id, name FROM team")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> teams.put(e.getKey(), e.getValue()));
            Map<String, String> domains = new HashMap<>();
            h.createQuery("SELECT id, name FROM domain")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> domains.put(e.getKey(), e.getValue()));
            Map<String, Documents.ProductRow> products = new java.util.LinkedHashMap<>();
            Map<String, String> domainOfContract = new HashMap<>();
            h.createQuery(
                            "SELECT id, domain, name, description, owner, tags_json, contract_id FROM product ORDER BY id")
                    .map((rs, ctx) -> new Documents.ProductRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            Json.read(rs.getString(6), STRINGS),
                            rs.getString(7)))
                    .forEach(p -> {
                        products.put(p.id(), p);
                        if (p.contractId() != null) {
                            domainOfContract.putIfAbsent(p.contractId(), p.domain());
                        }
                    });
            return new Catalog(teams, domains, products, currentContracts(h), domainOfContract);
        }

        /** Per contract id, the highest active version, else the highest version (as {@link Contracts}). */
        private static Map<String, Contract> currentContracts(Handle h) {
            Map<String, String[]> best = new HashMap<>();
            h.createQuery("SELECT id, version, status FROM contract")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(r -> best.merge(r[0], r, (a, b) -> better(a, b) ? a : b));
            Map<String, Contract> out = new java.util.TreeMap<>();
            h.createQuery("SELECT id, version, document_json FROM contract")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(r -> {
                        if (best.get(r[0])[1].equals(r[1])) {
                            out.put(r[0], ContractParser.parse(Json.read(r[2], JsonNode.class)));
                        }
                    });
            return out;
        }

        private static boolean better(String[] a, String[] b) {
            boolean activeA = "active".equals(a[2]);
            boolean activeB = "active".equals(b[2]);
            if (activeA != activeB) {
                return activeA;
            }
            return Contracts.VERSION_ORDER.compare(a[1], b[1]) >= 0;
        }

        String domainOfProduct(String productId) {
            Documents.ProductRow p = productId == null ? null : products.get(productId);
            return p == null ? null : p.domain();
        }
    }
}
