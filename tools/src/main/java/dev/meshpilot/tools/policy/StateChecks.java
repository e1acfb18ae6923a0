package dev.meshpilot.tools.policy;

import dev.meshpilot.mesh.view.Owner;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.tools.catalog.ContractView;
import dev.meshpilot.tools.observed.ObservedSchemaView;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The checks of declared state against observed state: schema, retention, freshness, ownership, contract. */
final class StateChecks {
    private StateChecks() {}

    /** Contract columns vs the warehouse's: undeclared, missing and retyped columns. */
    static List<PolicyFinding> schema(Rule rule, ProductView p, Facts facts) {
        var contract = facts.contract(p.id());
        var observed = facts.schema(p.id());
        if (contract.isEmpty() || observed.isEmpty() || observed.get().columns().isEmpty()) {
            return List.of();
        }
        Map<String, ContractView.Property> declared = facts.columns(p.id());
        List<String> ev = List.of(Facts.source(contract.get()), Facts.source(observed.get()));
        String table = p.id();
        List<PolicyFinding> out = new ArrayList<>();
        List<ObservedSchemaView.Column> seen = observed.get().columns();
        for (ObservedSchemaView.Column c : seen) {
            ContractView.Property d = declared.get(c.name());
            if (d == null) {
                out.add(PolicyFinding.of(
                        rule,
                        p.id(),
                        "column:" + c.name(),
                        "Undeclared column " + c.name() + " in " + p.id(),
                        "contract " + contract.get().version() + " declares no column " + c.name(),
                        "the warehouse table has " + c.name() + " " + c.type(),
                        ev,
                        facts.owner(p.id()),
                        "Declare " + c.name() + " in the contract (a minor version) with its classification, or "
                                + "drop it: ALTER TABLE " + table + " DROP COLUMN " + c.name() + ";"));
            } else if (d.physicalType() != null
                    && c.type() != null
                    && !d.physicalType()
                            .toUpperCase(Locale.ROOT)
                            .startsWith(c.type().toUpperCase(Locale.ROOT))) {
                out.add(PolicyFinding.of(
                        rule,
                        p.id(),
                        "column:" + c.name(),
                        "Column " + c.name() + " of " + p.id() + " has another type",
                        "contract type " + d.physicalType(),
                        "warehouse type " + c.type(),
                        ev,
                        facts.owner(p.id()),
                        "Align the table with the contract (ALTER TABLE " + table + " ALTER COLUMN " + c.name()
                                + " SET DATA TYPE " + d.physicalType() + ";) or publish a contract version."));
            }
        }
        List<String> seenNames =
                seen.stream().map(ObservedSchemaView.Column::name).toList();
        for (ContractView.Property d : declared.values()) {
            if (!d.name().contains(".") && !seenNames.contains(d.name())) {
                out.add(PolicyFinding.of(
                        rule,
                        p.id(),
                        "column:" + d.name(),
                        "Declared column " + d.name() + " missing from " + p.id(),
                        "contract declares " + d.name() + (d.required() ? " (required)" : ""),
                        "the warehouse table has no column " + d.name(),
                        ev,
                        facts.owner(p.id()),
                        "Add the column to the table or remove it from the next contract version (breaking)."));
            }
        }
        return out;
    }

    /** The oldest partition kept vs the policy's maximum age, at the time the partitions were observed. */
    static List<PolicyFinding> retention(Rule rule, ProductView p, Facts facts) {
        var observed = facts.schema(p.id());
        if (observed.isEmpty() || observed.get().retention() == null) {
            return List.of();
        }
        ObservedSchemaView.Retention r = observed.get().retention();
        Duration max = Duration.parse(rule.rule().path("maxAge").asText("P36500D"));
        LocalDate at = r.observedAt() == null
                ? facts.asOf().atZone(ZoneOffset.UTC).toLocalDate()
                : r.observedAt().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate oldest = LocalDate.parse(r.oldestPartition());
        long days = ChronoUnit.DAYS.between(oldest, at);
        if (days <= max.toDays()) {
            return List.of();
        }
        return List.of(PolicyFinding.of(
                rule,
                p.id(),
                "partitions",
                "Data of " + p.id() + " kept " + days + " days, beyond " + max.toDays(),
                "at most " + max.toDays() + " days (" + rule.id() + ")",
                "oldest partition " + oldest + ", " + days + " days before " + at + " (" + r.partitions()
                        + " partitions)",
                List.of("observed partitions of " + p.id() + " at " + at),
                facts.owner(p.id()),
                "Set the partition expiration to " + max.toDays() + " days (BigQuery: ALTER TABLE " + p.id()
                        + " SET OPTIONS (partition_expiration_days = " + max.toDays() + ");) and drop the "
                        + (days - max.toDays()) + " days of older partitions."));
    }

    /** The latest successful run vs the policy's maximum age, at the mesh's time. */
    static List<PolicyFinding> freshness(Rule rule, ProductView p, Facts facts) {
        var runs = facts.runs(p.id());
        if (!runs.any()) {
            return List.of();
        }
        Duration policy = Duration.parse(rule.rule().path("maxAge").asText("P3650D"));
        Duration slo = p.freshness().orElse(policy);
        Duration max = slo.compareTo(policy) < 0 ? slo : policy;
        String source =
                max.equals(policy) ? rule.id() : "the product's freshness SLO; " + rule.id() + ": " + hours(policy);
        var last = runs.lastSuccess();
        List<String> ev =
                max.equals(policy) ? List.of("runs of " + p.id()) : List.of("runs of " + p.id(), "product " + p.id());
        if (last == null) {
            return List.of(PolicyFinding.of(
                    rule,
                    p.id(),
                    "freshness",
                    p.id() + " has no successful run",
                    "refreshed at least every " + max,
                    "no successful run observed",
                    ev,
                    facts.owner(p.id()),
                    "Check the producing job and its schedule; see the product's runbooks."));
        }
        Duration age = Duration.between(last, facts.asOf());
        if (age.compareTo(max) <= 0) {
            return List.of();
        }
        return List.of(PolicyFinding.of(
                rule,
                p.id(),
                "freshness",
                p.id() + " is stale: last success " + hours(age) + " ago",
                "refreshed at least every " + hours(max) + " (" + source + ")",
                "last successful run ended " + last + ", " + hours(age) + " before " + facts.asOf(),
                ev,
                facts.owner(p.id()),
                "Find why the producing job has not succeeded since " + last + " (meshpilot triage, or the "
                        + "product's runbooks), then rerun it."));
    }

    /** The product names its owner, and the owning team is reachable: on-call and an email or chat channel. */
    static List<PolicyFinding> ownership(Rule rule, ProductView p, Facts facts) {
        Owner o = p.owner();
        List<String> missing = new ArrayList<>();
        if (!p.ownerDeclared()) {
            missing.add("no owning team in the product file");
        }
        if (o == null || o.oncall() == null) {
            missing.add("no on-call");
        }
        if (o == null || (o.email() == null && o.chat() == null)) {
            missing.add("no email or chat channel");
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        String team = o == null ? "none" : o.team();
        return List.of(PolicyFinding.of(
                rule,
                p.id(),
                "owner",
                "Owner of " + p.id() + " (" + team + ") is not reachable",
                "a named owning team with on-call and an email or chat channel",
                "team " + team + ": " + String.join(", ", missing),
                List.of("product " + p.id()),
                facts.owner(p.id()),
                "Give team " + team + " an on-call and a chat channel or email in meshpilot.yaml (teams:)."));
    }

    /** The product has a contract. */
    static List<PolicyFinding> contract(Rule rule, ProductView p, Facts facts) {
        if (p.contract() != null) {
            return List.of();
        }
        return List.of(PolicyFinding.of(
                rule,
                p.id(),
                "contract",
                p.id() + " has no data contract",
                "every product in scope has an active contract",
                "no contract references " + p.id(),
                List.of("product " + p.id()),
                facts.owner(p.id()),
                "Write contracts/" + p.id() + ".odcs.yaml (ODCS v3) and reference it from the product file."));
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
    }
}
