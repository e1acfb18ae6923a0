package dev.meshpilot.agents.migration;

import static dev.meshpilot.agents.kit.DataChecks.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.mesh.migration.Change;
import dev.meshpilot.mesh.migration.ContractDocument;
import dev.meshpilot.mesh.migration.Dialect;
import dev.meshpilot.mesh.migration.Diff;
import dev.meshpilot.mesh.migration.MigrationPlan;
import dev.meshpilot.mesh.migration.PlanWriter;
import dev.meshpilot.mesh.migration.PostgresVerifier;
import dev.meshpilot.mesh.migration.ScratchVerifier;
import dev.meshpilot.mesh.migration.Severity;
import dev.meshpilot.mesh.migration.Verification;
import dev.meshpilot.tools.sql.QueryResult;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Turns a diff and its impacts into the report: plans, verification, consumers, timeline, notice and check. */
final class Drafting {
    private final ToolBox tools;
    private final MigrationRequest req;
    private final JsonNode current;
    private final JsonNode proposed;
    private final String product;
    private final Diff diff;
    private final MigrationPlaybook.Settings settings;
    private final List<String> cited;
    private String unread;

    Drafting(
            ToolBox tools,
            MigrationRequest req,
            JsonNode current,
            JsonNode proposed,
            String product,
            Diff diff,
            MigrationPlaybook.Settings settings,
            List<String> cited) {
        this.tools = tools;
        this.req = req;
        this.current = current;
        this.proposed = proposed;
        this.product = product;
        this.diff = diff;
        this.settings = settings;
        this.cited = List.copyOf(cited);
    }

    MigrationReport report(Impacts impacts) {
        LocalDate today = LocalDate.ofInstant(tools.clock().instant(), ZoneOffset.UTC);
        String declared = ContractDocument.customProperty(proposed, "deprecationDate");
        String gate = declared != null
                ? declared
                : today.plusDays(settings.rules().deprecationDays()).toString();
        UnaryOperator<String> table = tableNames();
        List<MigrationPlan> plans = new ArrayList<>();
        Verification verification = null;
        if (diff.migrationNeeded()) {
            MigrationPlan sqlite = PlanWriter.write(diff, current, proposed, Dialect.SQLITE, table, gate);
            plans.add(sqlite);
            MigrationPlan postgres = PlanWriter.write(diff, current, proposed, Dialect.POSTGRESQL, table, gate);
            plans.add(postgres);
            List<ScratchVerifier.ConsumerRead> reads = impacts.consumers.entrySet().stream()
                    .map(e -> new ScratchVerifier.ConsumerRead(
                            e.getKey(), List.copyOf(e.getValue().reads), e.getValue().derivations))
                    .toList();
            Map<String, ScratchVerifier.Sample> samples = samples(table);
            verification = ScratchVerifier.verify(
                    diff, current, proposed, sqlite, table, samples, reads, ScratchVerifier.DEFAULT_ROWS);
            verification = onPostgres(verification, postgres, table, samples, reads);
            if (samples.isEmpty() && unread != null) {
                verification = new Verification(
                        verification.steps(),
                        verification.samples() + " (the warehouse was not read: " + unread + ")",
                        verification.notVerified());
            }
        }
        List<MigrationReport.Consumer> consumers = consumers(impacts, verification);
        List<MigrationReport.ChangeFinding> changes = diff.changes().stream()
                .map(c -> new MigrationReport.ChangeFinding(
                        c.rule(), c.severity(), c.path(), c.oldValue(), c.newValue(), c.message(), c.property(), cited))
                .toList();
        boolean breaking = diff.any(Severity.BREAKING);
        List<MigrationReport.Milestone> timeline = Notices.timeline(today, gate, breaking, diff, plans);
        MigrationReport.Check check = check(declared);
        String verdict = diff.changes().stream()
                .map(Change::severity)
                .min(Enum::compareTo)
                .map(Severity::wireName)
                .orElse("none");
        MigrationReport.Version version = new MigrationReport.Version(
                diff.oldVersion(), diff.newVersion(), diff.bumpMade(), diff.bumpNeeded(), diff.bumpSufficient(), cited);
        MigrationReport draft = new MigrationReport(
                diff.contract(),
                product,
                diff.oldVersion(),
                diff.newVersion(),
                verdict,
                diff.migrationNeeded(),
                changes,
                diff.renames(),
                version,
                consumers,
                impacts.grants,
                plans,
                verification,
                timeline,
                null,
                check,
                null,
                req.proposedFile());
        String support = ContractDocument.supportChannel(proposed);
        return new MigrationReport(
                draft.contract(),
                product,
                draft.fromVersion(),
                draft.toVersion(),
                verdict,
                draft.migrationNeeded(),
                changes,
                draft.renames(),
                version,
                consumers,
                draft.grants(),
                plans,
                verification,
                timeline,
                Notices.notice(draft, gate, support),
                check,
                Notices.summary(draft),
                req.proposedFile());
    }

    /** The table of an object: the warehouse's name of the product's table for a one-object contract. */
    /**
     * The PostgreSQL plan run on the PostgreSQL the environment names ({@link PostgresVerifier#URL}), its steps
     * added after SQLite's; without one, the verification says PostgreSQL was not run.
     */
    private Verification onPostgres(
            Verification sqlite,
            MigrationPlan postgres,
            UnaryOperator<String> table,
            Map<String, ScratchVerifier.Sample> samples,
            List<ScratchVerifier.ConsumerRead> reads) {
        Optional<PostgresVerifier.Target> target;
        try {
            target = PostgresVerifier.Target.from(System.getenv());
        } catch (IllegalArgumentException e) {
            return new Verification(
                    sqlite.steps(), sqlite.samples(), List.of("postgresql: not run (" + e.getMessage() + ")"));
        }
        if (target.isEmpty()) {
            return sqlite;
        }
        List<Verification.Step> steps = new ArrayList<>(sqlite.steps());
        steps.addAll(PostgresVerifier.verify(
                target.get(), diff, current, postgres, table, samples, reads, ScratchVerifier.DEFAULT_ROWS));
        return new Verification(steps, sqlite.samples(), List.of());
    }

    private UnaryOperator<String> tableNames() {
        int objects = proposed.path("schema").size();
        if (product != null && objects <= 1 && current.path("schema").size() <= 1) {
            String t = product.replace(".", "__");
            return o -> t;
        }
        Map<String, String> physical = new java.util.HashMap<>();
        for (JsonNode doc : List.of(current, proposed)) {
            doc.path("schema").forEach(o -> {
                String name = o.path("name").asText(o.path("physicalName").asText());
                physical.putIfAbsent(name, o.path("physicalName").asText(name));
            });
        }
        return o -> physical.getOrDefault(o, o);
    }

    /** The warehouse's rows of a one-table product, as the principal may read them; else none (generated). */
    private Map<String, ScratchVerifier.Sample> samples(UnaryOperator<String> table) {
        if (product == null || proposed.path("schema").size() != 1) {
            return Map.of();
        }
        String object = proposed.path("schema").path(0).path("name").asText();
        Evidence call = tools.call(
                "sql.query",
                args("query", "SELECT * FROM " + table.apply(object) + " LIMIT " + MigrationPlaybook.SAMPLE_ROWS),
                "playbook");
        Optional<Evidence> e = call.hasData() ? Optional.of(call) : Optional.empty();
        if (e.isEmpty()) {
            unread = "sql.query " + call.result().status().wireName() + ", " + call.id();
            return Map.of();
        }
        QueryResult r = e.get().as(QueryResult.class);
        if (r.rows().isEmpty()) {
            return Map.of();
        }
        return Map.of(
                object,
                new ScratchVerifier.Sample(
                        r.columns(),
                        r.rows(),
                        "read from the warehouse as "
                                + tools.context().principal().id() + " ("
                                + e.get().id() + ", masked as the sandbox masks them)"));
    }

    private List<MigrationReport.Consumer> consumers(Impacts impacts, Verification v) {
        List<MigrationReport.Consumer> out = new ArrayList<>();
        impacts.consumers.forEach((name, r) -> {
            boolean covered = v != null
                    && v.steps().stream()
                            .anyMatch(s -> s.name().startsWith("old read by " + name + " ")
                                    && s.status() == Verification.Status.PASS);
            out.add(new MigrationReport.Consumer(
                    name, List.copyOf(r.reads), List.copyOf(r.columns), r.owner, covered, List.copyOf(r.evidence)));
        });
        return out;
    }

    private MigrationReport.Check check(String declaredDeprecation) {
        List<String> open = new ArrayList<>();
        Severity level = req.failOn();
        if (!diff.bumpSufficient()) {
            diff.changes().stream()
                    .filter(c -> c.severity().atLeast(level) && !c.rule().equals("version-not-bumped"))
                    .forEach(c -> open.add(c.path() + " (" + c.rule() + ", "
                            + c.severity().wireName() + "): needs a "
                            + diff.bumpNeeded().wireName() + " bump; " + diff.oldVersion() + " → " + diff.newVersion()
                            + " is "
                            + (diff.bumpMade() == null
                                    ? "not a bump"
                                    : "a " + diff.bumpMade().wireName())));
        }
        if (settings.rules().requireDeprecationDate()
                && declaredDeprecation == null
                && diff.any(Severity.BREAKING)
                && Severity.BREAKING.atLeast(level)) {
            open.add("breaking changes need a deprecation date in the proposed contract (customProperties: "
                    + "deprecationDate), by the workspace policy " + settings.policy());
        }
        return new MigrationReport.Check(req.check(), level, req.check() && !open.isEmpty(), open);
    }
}
