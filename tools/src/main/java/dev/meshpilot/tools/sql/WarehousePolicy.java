package dev.meshpilot.tools.sql;

import dev.meshpilot.mesh.contract.Contract;
import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.contract.SchemaObject;
import dev.meshpilot.mesh.contract.SchemaProperty;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.sql.SqlPolicy;
import dev.meshpilot.sandbox.tool.Sensitive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out what one principal may read in the warehouse: the tables of products (table name = product id
 * with {@code .} → {@code __}) on which it holds {@code sql:read}; in each, the columns its contract
 * classifies as anything but public or internal ({@link Sensitive#isProtected}) are masked unless it also holds {@code pii:read} on that product.
 */
final class WarehousePolicy {
    private WarehousePolicy() {}

    static String table(String productId) {
        return productId.replace(".", "__");
    }

    static SqlPolicy forPrincipal(Principal principal, List<DataProduct> products, Contracts contracts) {
        Map<String, Set<String>> tables = new HashMap<>();
        for (DataProduct p : products) {
            Resource where = Resource.product(p.domain(), p.id());
            if (!AccessPolicy.check(principal, Scope.SQL_READ, where).allowed()) {
                continue;
            }
            boolean seesPii =
                    AccessPolicy.check(principal, Scope.PII_READ, where).allowed();
            List<String> masked = seesPii || p.contract() == null
                    ? List.of()
                    : contracts
                            .current(p.contract())
                            .map(WarehousePolicy::protectedColumns)
                            .orElse(List.of());
            tables.put(table(p.id()), Set.copyOf(masked));
        }
        return new SqlPolicy(tables);
    }

    static List<String> protectedColumns(Contract contract) {
        List<String> out = new ArrayList<>();
        for (SchemaObject o : contract.objects()) {
            for (SchemaProperty prop : o.properties()) {
                if (prop.classification() != null
                        && Sensitive.isProtected(prop.classification())
                        && prop.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    out.add(prop.name());
                }
            }
        }
        return out;
    }
}
