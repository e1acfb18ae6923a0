package dev.meshpilot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The three policy kinds the generator does not write (lineage, contract, custom CEL), added to a generated
 * workspace so a drift benchmark judges every kind.
 */
final class ExtraPolicies {
    private ExtraPolicies() {}

    static void write(Path workspace) throws IOException {
        Path dir = workspace.resolve("policies");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pii-follows-lineage.yaml"), """
                id: pii-follows-lineage
                kind: lineage
                description: A column fed by a pii column is classified pii too.
                severity: medium
                appliesTo:
                  classification: [pii]
                rule:
                  propagate: [pii]
                """);
        Files.writeString(dir.resolve("contract-required.yaml"), """
                id: contract-required
                kind: contract
                description: Every data product publishes an active ODCS data contract.
                severity: medium
                appliesTo:
                  all: true
                rule:
                  requireContract: true
                """);
        Files.writeString(dir.resolve("readers-known.yaml"), """
                id: readers-known
                kind: custom
                description: Products are read by the analyst and engineer roles only.
                severity: low
                appliesTo:
                  all: true
                rule:
                  expression: "grants.all(g, g.principal in ['analyst', 'engineer', 'privacy-officer', 'data-steward'])"
                  subject: readers
                  fix: Revoke the grants of other roles.
                """);
    }
}
