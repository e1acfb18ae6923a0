package dev.meshpilot.mesh.alert;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Maps an alert to a data product, by the first of these rules that finds exactly one:
 *
 * <ol>
 *   <li>{@code product}: a loaded product id;
 *   <li>{@code dataset} (+ {@code namespace}): a product's output port with that namespace and name; when
 *       that finds none, or there is no {@code namespace} label (which is often a Kubernetes namespace), the
 *       one port named {@code dataset} in any namespace;
 *   <li>{@code job} (+ {@code job_namespace}): the OpenLineage job of that name (in that namespace), when the
 *       outputs it is known to write ({@code lineage_edge}) belong to one product.
 * </ol>
 *
 * <p>Looked up when the alert arrives, like OpenLineage datasets; the mapping is stored with the alert.
 */
final class ProductMapper {
    /**
     * The product, or {@code null}; {@code rule} names the label that found it ({@code product},
     * {@code dataset}, {@code job}); {@code notes} says why rules that were tried found nothing.
     */
    record Mapping(String productId, String rule, List<String> notes) {
        Mapping {
            notes = List.copyOf(notes);
        }
    }

    private final Handle h;

    ProductMapper(Handle h) {
        this.h = h;
    }

    Mapping map(Alert alert) {
        List<String> notes = new ArrayList<>();
        String product = alert.label("product");
        if (product != null) {
            if (one("SELECT id FROM product WHERE id = ?", product) != null) {
                return new Mapping(product, "product", notes);
            }
            notes.add("label product=\"" + product + "\" names no loaded product");
        }
        String dataset = alert.label("dataset");
        if (dataset != null) {
            String namespace = alert.label("namespace");
            String found = namespace == null
                    ? null
                    : one("SELECT product_id FROM product_port WHERE namespace = ? AND name = ?", namespace, dataset);
            if (found == null) {
                found = one("SELECT product_id FROM product_port WHERE name = ?", dataset);
            }
            if (found != null) {
                return new Mapping(found, "dataset", notes);
            }
            notes.add("label dataset=\"" + dataset + "\" matches no single output port");
        }
        String job = alert.label("job");
        if (job != null) {
            String jobNamespace = alert.label("job_namespace");
            String sql = "SELECT DISTINCT p.product_id FROM lineage_edge e JOIN product_port p "
                    + "ON p.namespace = e.dataset_namespace AND p.name = e.dataset_name "
                    + "WHERE e.direction = 'out' AND e.job_name = ?"
                    + (jobNamespace == null ? "" : " AND e.job_namespace = ?");
            String found = jobNamespace == null ? one(sql, job) : one(sql, job, jobNamespace);
            if (found != null) {
                return new Mapping(found, "job", notes);
            }
            notes.add("label job=\"" + job + "\" is no OpenLineage job that writes exactly one product");
        }
        if (notes.isEmpty()) {
            notes.add("no product, dataset or job label");
        }
        return new Mapping(null, null, notes);
    }

    /** The single value {@code sql} returns, or {@code null} when it returns none or several. */
    private String one(String sql, Object... args) {
        var query = h.createQuery(sql + " LIMIT 2");
        for (int i = 0; i < args.length; i++) {
            query.bind(i, args[i]);
        }
        List<String> rows = query.mapTo(String.class).list();
        return rows.size() == 1 ? rows.get(0) : null;
    }
}
