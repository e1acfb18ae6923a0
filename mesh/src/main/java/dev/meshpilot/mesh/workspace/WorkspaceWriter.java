package dev.meshpilot.mesh.workspace;

import dev.meshpilot.mesh.contract.Contract;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.observed.ObservedSchema;
import dev.meshpilot.mesh.org.MeshInfo;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.OutputPort;
import dev.meshpilot.mesh.store.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes a validated workspace into the store inside the caller's transaction. Declared things (teams,
 * products, policies, ...) are replaced by what the folder says; contract versions and incidents are
 * upserted, so history is never lost and a reload never duplicates.
 */
final class WorkspaceWriter {
    private static final List<String> REPLACED = List.of(
            "product_port",
            "product",
            "domain",
            "principal",
            "role",
            "team",
            "channel",
            "policy",
            "runbook",
            "observed_grant",
            "observed_schema",
            "observed_retention",
            "anomaly_rule");

    private WorkspaceWriter() {}

    static void write(Handle h, Workspace ws) {
        String now = Instant.now().toString();
        REPLACED.forEach(table -> h.execute("DELETE FROM " + table));
        MeshInfo mesh = ws.mesh;
        h.execute(
                "INSERT INTO mesh_info (id, name, description, as_of, source_dir, loaded_at, open_on_warn_checks) "
                        + "VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                        + "description = excluded.description, as_of = excluded.as_of, "
                        + "source_dir = excluded.source_dir, loaded_at = excluded.loaded_at, "
                        + "open_on_warn_checks = excluded.open_on_warn_checks",
                mesh.name(),
                mesh.description(),
                str(mesh.asOf()),
                ws.root.toAbsolutePath().toString(),
                now,
                mesh.openOnWarnChecks() ? 1 : 0);
        batch(
                h,
                "INSERT INTO team (id, name, email, chat, oncall) VALUES (?, ?, ?, ?, ?)",
                ws.teams,
                (b, t) -> b.add(t.id(), t.name(), t.email(), t.chat(), t.oncall()));
        batch(
                h,
                "INSERT INTO role (id, description, grants_json) VALUES (?, ?, ?)",
                ws.roles,
                (b, r) -> b.add(r.id(), r.description(), Json.write(r.grants())));
        batch(
                h,
                "INSERT INTO principal (id, kind, name, email, team, roles_json, slack) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ws.principals,
                (b, p) -> b.add(
                        p.id(),
                        p.kind().name().toLowerCase(java.util.Locale.ROOT),
                        p.name(),
                        p.email(),
                        p.team(),
                        Json.write(p.roles()),
                        p.slack()));
        batch(
                h,
                "INSERT INTO channel (id, kind, target) VALUES (?, ?, ?)",
                ws.channels,
                (b, c) -> b.add(c.id(), c.kind(), c.target()));
        PreparedBatch domains = h.prepareBatch("INSERT INTO domain (id, name, description, owner, oncall, chat, "
                + "source_file) VALUES (?, ?, ?, ?, ?, ?, ?)");
        ws.domains.forEach(s -> domains.add(
                s.value().id(),
                s.value().name(),
                s.value().description(),
                s.value().owner(),
                s.value().oncall(),
                s.value().chat(),
                s.file()));
        run(domains);
        writeProducts(h, ws);
        PreparedBatch contracts = h.prepareBatch("INSERT INTO contract (id, version, status, name, api_version, "
                + "document_json, sha256, source_file, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id, version) DO UPDATE SET status = excluded.status, name = excluded.name, "
                + "api_version = excluded.api_version, document_json = excluded.document_json, "
                + "sha256 = excluded.sha256, source_file = excluded.source_file, loaded_at = excluded.loaded_at "
                + "WHERE contract.sha256 <> excluded.sha256 OR contract.source_file <> excluded.source_file");
        for (Sourced<Contract> s : ws.contracts) {
            Contract c = s.value();
            contracts.add(
                    c.id(),
                    c.version(),
                    c.status(),
                    c.name(),
                    c.apiVersion(),
                    c.documentJson(),
                    sha256(c.documentJson()),
                    s.file(),
                    now);
        }
        run(contracts);
        PreparedBatch policies = h.prepareBatch("INSERT INTO policy (id, kind, description, severity, "
                + "document_json, source_file) VALUES (?, ?, ?, ?, ?, ?)");
        ws.policies.forEach(s -> policies.add(
                s.value().id(),
                s.value().kind(),
                s.value().description(),
                s.value().severity(),
                Json.write(s.value()),
                s.file()));
        run(policies);
        PreparedBatch runbooks = h.prepareBatch("INSERT INTO runbook (id, title, applies_to_json, tags_json, body, "
                + "source_file) VALUES (?, ?, ?, ?, ?, ?)");
        ws.runbooks.forEach(s -> runbooks.add(
                s.value().id(),
                s.value().title(),
                Json.write(java.util.Map.of(
                        "products",
                        s.value().products(),
                        "errorClasses",
                        s.value().errorClasses())),
                Json.write(s.value().tags()),
                s.value().body(),
                s.file()));
        run(runbooks);
        writeIncidents(h, ws);
        writeObserved(h, ws);
        anomalyRules(h, ws);
    }

    private static void writeProducts(Handle h, Workspace ws) {
        PreparedBatch products = h.prepareBatch("INSERT INTO product (id, domain, name, description, owner, "
                + "owner_declared, criticality, tags_json, contract_id, slos_json, source_file) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedBatch ports = h.prepareBatch(
                "INSERT INTO product_port (namespace, name, product_id, description) VALUES (?, ?, ?, ?)");
        for (Sourced<DataProduct> s : ws.products) {
            DataProduct p = s.value();
            products.add(
                    p.id(),
                    p.domain(),
                    p.name(),
                    p.description(),
                    p.owner(),
                    p.ownerDeclared() ? 1 : 0,
                    p.criticality().wireName(),
                    Json.write(p.tags()),
                    p.contract(),
                    Json.write(p.slos()),
                    s.file());
            for (OutputPort port : p.outputPorts()) {
                ports.add(port.namespace(), port.name(), p.id(), port.description());
            }
        }
        run(products);
        run(ports);
    }

    private static void writeIncidents(Handle h, Workspace ws) {
        PreparedBatch incidents = h.prepareBatch("INSERT INTO incident (id, number, title, product_id, status, "
                + "severity, error_class, description, root_cause, resolution, fingerprint, source, opened_at, "
                + "updated_at, resolved_at, event_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
                + "ON CONFLICT (id) DO UPDATE SET title = excluded.title, product_id = excluded.product_id, "
                + "status = excluded.status, severity = excluded.severity, error_class = excluded.error_class, "
                + "description = excluded.description, root_cause = excluded.root_cause, "
                + "resolution = excluded.resolution, fingerprint = excluded.fingerprint, "
                + "opened_at = excluded.opened_at, resolved_at = excluded.resolved_at, "
                + "updated_at = CASE WHEN excluded.updated_at > incident.updated_at THEN excluded.updated_at "
                + "ELSE incident.updated_at END");
        for (Sourced<Incident> s : ws.incidents) {
            Incident i = s.value();
            incidents.add(
                    i.id(),
                    Incident.number(i.id()),
                    i.title(),
                    i.productId(),
                    i.status(),
                    i.severity(),
                    i.errorClass(),
                    i.description(),
                    i.rootCause(),
                    i.resolution(),
                    i.fingerprint(),
                    i.source(),
                    str(i.openedAt()),
                    str(i.updatedAt()),
                    str(i.resolvedAt()));
        }
        run(incidents);
    }

    private static void writeObserved(Handle h, Workspace ws) {
        batch(
                h,
                "INSERT INTO observed_grant (principal, product_id, privilege, columns_json, granted_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (principal, product_id, privilege) DO UPDATE SET "
                        + "columns_json = excluded.columns_json, granted_at = excluded.granted_at",
                ws.grants,
                (b, g) -> b.add(
                        g.principal(),
                        g.productId(),
                        g.privilege(),
                        g.columns().isEmpty() ? null : Json.write(g.columns()),
                        str(g.grantedAt())));
        PreparedBatch columns = h.prepareBatch("INSERT INTO observed_schema (product_id, column_name, type, position, "
                + "observed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (product_id, column_name) DO UPDATE SET "
                + "type = excluded.type, position = excluded.position, observed_at = excluded.observed_at");
        for (Sourced<ObservedSchema> s : ws.schemas) {
            List<ObservedSchema.Column> cols = s.value().columns();
            for (int i = 0; i < cols.size(); i++) {
                columns.add(
                        s.value().productId(),
                        cols.get(i).name(),
                        cols.get(i).type(),
                        i,
                        str(s.value().observedAt()));
            }
        }
        run(columns);
        batch(
                h,
                "INSERT INTO observed_retention (product_id, oldest_partition, newest_partition, partitions, "
                        + "observed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (product_id) DO UPDATE SET "
                        + "oldest_partition = excluded.oldest_partition, newest_partition = "
                        + "excluded.newest_partition, partitions = excluded.partitions, observed_at = excluded.observed_at",
                ws.retention,
                (b, r) -> b.add(
                        r.productId(),
                        r.oldestPartition().toString(),
                        r.newestPartition().toString(),
                        r.partitions(),
                        str(r.observedAt())));
    }

    private static void anomalyRules(Handle h, Workspace ws) {
        List<dev.meshpilot.mesh.anomaly.AnomalyRule> rules =
                ws.anomalyRules.stream().map(Sourced::value).toList();
        PreparedBatch b = h.prepareBatch("INSERT INTO anomaly_rule (seq, kind, product_id, metric, from_ts, to_ts, "
                + "reason, settings_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (int i = 0; i < rules.size(); i++) {
            var r = rules.get(i);
            b.add(
                    i,
                    r.kind(),
                    r.product(),
                    r.metric(),
                    str(r.from()),
                    str(r.to()),
                    r.reason(),
                    dev.meshpilot.mesh.anomaly.AnomalyRules.json(r.settings()));
        }
        if (!rules.isEmpty()) {
            b.execute();
        }
    }

    private interface Row<T> {
        void add(PreparedBatch batch, T value);
    }

    private static <T> void batch(Handle h, String sql, List<Sourced<T>> items, Row<T> row) {
        PreparedBatch batch = h.prepareBatch(sql);
        Consumer<Sourced<T>> add = s -> row.add(batch, s.value());
        items.forEach(add);
        run(batch);
    }

    private static void run(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    static String str(Object value) {
        return value == null ? null : value.toString();
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
