package dev.meshpilot.mesh.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small, valid workspace into a folder; tests then break one file at a time. */
final class TestWorkspace {
    final Path root;

    TestWorkspace(Path root) {
        this.root = root;
        write("meshpilot.yaml", """
                apiVersion: meshpilot/v1
                kind: Mesh
                name: tiny
                asOf: 2026-11-25T09:00:00Z
                teams:
                  - id: sales-team
                    name: Sales
                    oncall: ana
                roles:
                  - id: analyst
                    grants:
                      - scope: catalog:read
                      - scope: sql:read
                        domains: [sales]
                principals:
                  - id: ana
                    kind: user
                    team: sales-team
                    roles: [analyst]
                """);
        write("domains/sales/domain.yaml", """
                id: sales
                name: Sales
                owner: sales-team
                """);
        write("domains/sales/products/orders.yaml", """
                id: sales.orders
                name: Orders
                criticality: high
                contract: sales.orders
                outputPorts:
                  - namespace: warehouse
                    name: sales.orders
                slos:
                  - kind: freshness
                    target: PT1H
                """);
        write("domains/sales/products/daily.yaml", """
                id: sales.daily
                name: Daily sales
                outputPorts:
                  - namespace: warehouse
                    name: sales.daily
                """);
        write("contracts/sales.orders.odcs.yaml", contract("1.0.0", "active", "string"));
        write("policies/owners.yaml", """
                id: owners
                kind: ownership
                appliesTo:
                  all: true
                rule:
                  requireOwner: true
                """);
        write("runbooks/late.md", """
                ---
                id: RB-late
                title: Late data
                appliesTo:
                  errorClasses: [upstream_late]
                ---
                # Steps
                1. Check the upstream run.
                """);
        write("observed/incidents.yaml", """
                incidents:
                  - id: INC-0001
                    title: Orders late
                    product: sales.orders
                    status: resolved
                    openedAt: 2026-11-01T00:00:00Z
                    resolvedAt: 2026-11-01T02:00:00Z
                    resolution: Re-ran the load.
                """);
    }

    static String contract(String version, String status, String amountType) {
        return """
                apiVersion: v3.1.0
                kind: DataContract
                id: sales.orders
                version: %s
                status: %s
                name: Orders
                schema:
                  - name: orders
                    physicalType: table
                    properties:
                      - name: order_id
                        logicalType: string
                        primaryKey: true
                        required: true
                      - name: amount
                        logicalType: %s
                      - name: email
                        logicalType: string
                        classification: pii
                """.formatted(version, status, amountType);
    }

    TestWorkspace write(String file, String text) {
        try {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
