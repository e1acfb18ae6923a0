package dev.meshpilot.agents.migration;

import dev.meshpilot.mesh.migration.Diff;
import dev.meshpilot.mesh.migration.MigrationPlan;
import dev.meshpilot.mesh.migration.Severity;
import dev.meshpilot.mesh.migration.Verification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The deprecation timeline, the draft notice to consumers and the one-paragraph summary. */
final class Notices {
    private Notices() {}

    static List<MigrationReport.Milestone> timeline(
            LocalDate today, String gate, boolean breaking, Diff diff, List<MigrationPlan> plans) {
        List<MigrationReport.Milestone> out = new ArrayList<>();
        if (diff.changes().isEmpty()) {
            return out;
        }
        out.add(new MigrationReport.Milestone(today.toString(), "send the notice to the affected consumers' owners"));
        if (plans.isEmpty()) {
            out.add(new MigrationReport.Milestone(
                    today.toString(),
                    "publish " + diff.newVersion() + " (no stored shape changes: no migration needed)"));
            return out;
        }
        String compat = plans.getFirst().compatViews().isEmpty()
                ? ""
                : " and the compatibility view "
                        + String.join(", ", plans.getFirst().compatViews());
        out.add(new MigrationReport.Milestone(
                today.toString(),
                "run expand and backfill" + compat + "; publish " + diff.newVersion()
                        + "; old consumers keep reading the old shape"));
        if (breaking) {
            out.add(new MigrationReport.Milestone(
                    gate,
                    "deprecation date: the old shape (" + diff.oldVersion()
                            + ") is no longer served; consumers must have moved to " + diff.newVersion()));
        }
        out.add(new MigrationReport.Milestone(
                gate,
                "run the contract step (drops, renames, new constraints)"
                        + (breaking ? "" : "; nothing breaking, so it may run earlier")));
        return out;
    }

    static String notice(MigrationReport r, String gate, String support) {
        StringBuilder md = new StringBuilder();
        boolean breaking = r.changes().stream().anyMatch(c -> c.severity() == Severity.BREAKING);
        md.append("**")
                .append(r.contract())
                .append(' ')
                .append(r.toVersion())
                .append(": ")
                .append(breaking ? "breaking changes; the old shape is served until " + gate : "contract update")
                .append("**\n\n");
        String to = r.consumers().isEmpty()
                ? "consumers of " + r.contract()
                : r.consumers().stream()
                        .map(c -> c.product()
                                + (c.owner() == null
                                        ? ""
                                        : " (" + c.owner().team()
                                                + (c.owner().chat() == null
                                                        ? ""
                                                        : ", " + c.owner().chat()) + ")"))
                        .collect(Collectors.joining(", "));
        md.append("To: ").append(to).append("\n\n");
        md.append(r.contract())
                .append(" moves from ")
                .append(r.fromVersion())
                .append(" to ")
                .append(r.toVersion())
                .append(".\n\n");
        List<MigrationReport.ChangeFinding> notable = r.changes().stream()
                .filter(c -> c.severity() != Severity.COMPATIBLE && !c.rule().equals("version-not-bumped"))
                .toList();
        if (!notable.isEmpty()) {
            md.append("What changes for you:\n");
            notable.forEach(c -> md.append("- ").append(c.message()).append('\n'));
            md.append('\n');
        }
        for (MigrationReport.Consumer c : r.consumers()) {
            md.append("- ")
                    .append(c.product())
                    .append(": your ")
                    .append(c.columns().isEmpty() ? "queries" : "columns " + String.join(", ", c.columns()))
                    .append(" read ")
                    .append(String.join(", ", c.reads()))
                    .append('\n');
        }
        if (!r.plans().isEmpty() && !r.plans().getFirst().compatViews().isEmpty()) {
            md.append("\nUntil ")
                    .append(gate)
                    .append(", read the old shape from ")
                    .append(String.join(", ", r.plans().getFirst().compatViews()))
                    .append(" (verified on a scratch copy to return the same rows as today); move your queries to the"
                            + " new columns before then.\n");
        }
        if (support != null) {
            md.append("\nQuestions: ").append(support).append('\n');
        }
        return md.toString();
    }

    static String summary(MigrationReport r) {
        long b = count(r, Severity.BREAKING);
        long v = count(r, Severity.REVIEW);
        long c = count(r, Severity.COMPATIBLE);
        StringBuilder s = new StringBuilder();
        s.append(r.contract())
                .append(' ')
                .append(r.fromVersion())
                .append(" → ")
                .append(r.toVersion())
                .append(": ");
        if (r.changes().isEmpty()) {
            return s.append("no changes; no migration needed.").toString();
        }
        s.append(b)
                .append(" breaking, ")
                .append(v)
                .append(" needing review, ")
                .append(c)
                .append(" compatible");
        r.renames()
                .forEach(
                        x -> s.append("; ").append(x.from()).append(" renamed ").append(x.to()));
        s.append("; a ")
                .append(r.version().needed().wireName())
                .append(" bump is needed and ")
                .append(r.toVersion())
                .append(r.version().sufficient() ? " suffices" : " is not enough");
        if (!r.consumers().isEmpty()) {
            s.append("; affected: ")
                    .append(r.consumers().stream()
                            .map(x -> x.product() + " ("
                                    + String.join(", ", x.columns().isEmpty() ? x.reads() : x.columns()) + ")")
                            .collect(Collectors.joining(", ")));
        }
        if (!r.migrationNeeded()) {
            s.append("; no migration needed (the stored shape does not change)");
        } else if (r.verification() != null) {
            Verification ver = r.verification();
            List<Verification.Step> lite = ver.steps().stream()
                    .filter(x -> !x.name().startsWith("postgresql: "))
                    .toList();
            List<Verification.Step> pg = ver.steps().stream()
                    .filter(x -> x.name().startsWith("postgresql: "))
                    .toList();
            s.append("; the SQLite migration ").append(verified(lite)).append(" on a scratch database");
            if (pg.isEmpty()) {
                s.append("; PostgreSQL not verified (")
                        .append(ver.notVerified().isEmpty() ? "none configured" : String.join("; ", ver.notVerified()))
                        .append(")");
            } else {
                s.append("; the PostgreSQL migration ").append(verified(pg)).append(" on a scratch schema");
            }
        }
        return s.append('.').toString();
    }

    /** "was verified (7 steps passed, 0 failed)" or "FAILED verification (...)". */
    private static String verified(List<Verification.Step> steps) {
        long passed = steps.stream()
                .filter(x -> x.status() == Verification.Status.PASS)
                .count();
        long failed = steps.stream()
                .filter(x -> x.status() == Verification.Status.FAIL)
                .count();
        return (failed == 0 ? "was verified" : "FAILED verification") + " (" + passed + " steps passed, " + failed
                + " failed)";
    }

    private static long count(MigrationReport r, Severity s) {
        return r.changes().stream().filter(c -> c.severity() == s).count();
    }
}
