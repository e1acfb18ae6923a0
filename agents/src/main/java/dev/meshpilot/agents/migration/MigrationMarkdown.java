package dev.meshpilot.agents.migration;

import static dev.meshpilot.agents.kit.RunFooter.cite;

import dev.meshpilot.agents.kit.RunFooter;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.mesh.migration.MigrationPlan;
import dev.meshpilot.mesh.migration.Verification;

/** The migration report as Markdown: changes, version, consumers, the migration, its verification, notice. */
public final class MigrationMarkdown {
    private MigrationMarkdown() {}

    public static String render(AgentRun<MigrationReport> run) {
        MigrationReport r = run.report();
        StringBuilder md = new StringBuilder();
        md.append("# Migration: ")
                .append(r.contract())
                .append(' ')
                .append(r.fromVersion())
                .append(" → ")
                .append(r.toVersion())
                .append(" — ")
                .append(r.verdict())
                .append("\n\n");
        if (r.summary() != null) {
            md.append(r.summary()).append("\n\n");
        }
        changes(md, r);
        MigrationReport.Version v = r.version();
        md.append("## Version\n\n")
                .append("Needed: ")
                .append(v.needed().wireName())
                .append(" bump; ")
                .append(v.from())
                .append(" → ")
                .append(v.to())
                .append(" is ")
                .append(v.made() == null ? "not a bump" : "a " + v.made().wireName() + " bump")
                .append(": ")
                .append(v.sufficient() ? "sufficient" : "**not sufficient**")
                .append(cite(v.evidence()))
                .append("\n\n");
        consumers(md, r);
        if (!r.migrationNeeded()) {
            md.append("## Migration\n\nNo migration needed: no change touches the stored shape.\n\n");
        }
        for (MigrationPlan p : r.plans()) {
            md.append("## Migration (")
                    .append(p.dialect().wireName())
                    .append(")\n\n```sql\n")
                    .append(p.script())
                    .append("```\n");
            p.notes().forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        verification(md, r.verification());
        if (!r.timeline().isEmpty()) {
            md.append("## Deprecation timeline\n\n");
            r.timeline()
                    .forEach(m -> md.append("- ")
                            .append(m.date())
                            .append(": ")
                            .append(m.what())
                            .append('\n'));
            md.append('\n');
        }
        if (r.notice() != null && !r.changes().isEmpty()) {
            md.append("## Draft notice to consumers\n\n");
            r.notice().lines().forEach(l -> md.append("> ").append(l).append('\n'));
            md.append('\n');
        }
        if (r.check().requested()) {
            md.append("## CI check (fail on ")
                    .append(r.check().failOn().wireName())
                    .append(")\n\n")
                    .append(
                            r.check().failed()
                                    ? "**FAILED**: not acknowledged:\n"
                                    : "Passed: every change at or above"
                                            + " the level is acknowledged by the version bump.\n");
            r.check().unacknowledged().forEach(u -> md.append("- ").append(u).append('\n'));
            md.append('\n');
        }
        return md.append(RunFooter.render(run.run(), "this migration")).toString();
    }

    private static void changes(StringBuilder md, MigrationReport r) {
        md.append("## Changes\n\n");
        if (r.changes().isEmpty()) {
            md.append("None: the proposed contract describes the same data.\n\n");
            return;
        }
        md.append("| class | rule | where | old | new |\n|---|---|---|---|---|\n");
        for (MigrationReport.ChangeFinding c : r.changes()) {
            md.append("| ")
                    .append(c.severity().wireName())
                    .append(" | ")
                    .append(c.rule())
                    .append(" | ")
                    .append(c.path())
                    .append(" | ")
                    .append(cell(c.oldValue()))
                    .append(" | ")
                    .append(cell(c.newValue()))
                    .append(" |\n");
        }
        md.append('\n');
        r.renames()
                .forEach(x -> md.append("Rename: ")
                        .append(x.object())
                        .append('.')
                        .append(x.from())
                        .append(" → ")
                        .append(x.to())
                        .append(" (")
                        .append(x.why())
                        .append(")\n"));
        md.append(r.renames().isEmpty() ? "" : "\n");
    }

    private static void consumers(StringBuilder md, MigrationReport r) {
        if (r.consumers().isEmpty() && r.grants().isEmpty()) {
            return;
        }
        md.append("## Affected consumers, down to the column\n\n");
        if (!r.consumers().isEmpty()) {
            md.append("| consumer | its columns | read | owner | compatibility view |\n|---|---|---|---|---|\n");
            for (MigrationReport.Consumer c : r.consumers()) {
                md.append("| ")
                        .append(c.product())
                        .append(" | ")
                        .append(String.join(", ", c.columns()))
                        .append(" | ")
                        .append(String.join(", ", c.reads()))
                        .append(" | ")
                        .append(
                                c.owner() == null
                                        ? ""
                                        : c.owner().team()
                                                + (c.owner().chat() == null
                                                        ? ""
                                                        : " (" + c.owner().chat() + ")"))
                        .append(" | ")
                        .append(c.coveredByCompatView() ? "covers it (verified)" : "does not cover it")
                        .append(cite(c.evidence()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!r.grants().isEmpty()) {
            md.append("Grants that read changed columns: ");
            md.append(String.join(
                    "; ",
                    r.grants().stream()
                            .map(g -> g.principal() + " (" + String.join(", ", g.columns()) + ")" + cite(g.evidence()))
                            .toList()));
            md.append("\n\n");
        }
    }

    private static void verification(StringBuilder md, Verification v) {
        if (v == null) {
            return;
        }
        md.append("## Verification on a scratch SQLite database\n\nSample rows: ")
                .append(v.samples())
                .append("\n\n");
        for (Verification.Step s : v.steps()) {
            md.append("- **")
                    .append(s.status().wireName().toUpperCase(java.util.Locale.ROOT))
                    .append("** ")
                    .append(s.name())
                    .append(": ")
                    .append(s.evidence())
                    .append('\n');
        }
        v.notVerified().forEach(n -> md.append("- ").append(n).append('\n'));
        md.append('\n');
    }

    private static String cell(String s) {
        return s == null ? "—" : s.replace("|", "\\|").replace("\n", " ");
    }
}
