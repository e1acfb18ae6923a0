package dev.meshpilot.agents.migration;

import dev.meshpilot.agents.kit.Finding;
import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.mesh.migration.Diff;
import dev.meshpilot.mesh.migration.MigrationPlan;
import dev.meshpilot.mesh.migration.SemVer;
import dev.meshpilot.mesh.migration.Severity;
import dev.meshpilot.mesh.migration.Verification;
import java.util.List;

/**
 * What the migration agent drafts for a proposed contract version. A wire format: fields are added at the end,
 * nullable. Every finding cites the evidence ids of this run it rests on (the active contract, the lineage,
 * the grants).
 *
 * @param verdict the most severe class among the changes: breaking, review, compatible, or none
 * @param migrationNeeded whether any change touches the stored shape; false means no SQL is needed
 * @param changes every change, classified by its rule
 * @param renames renames found (detected or declared), each also a change
 * @param version the bump made, the bump needed and whether it suffices
 * @param consumers each consumer of a changed column, the columns it reads and whether the compatibility view covers it
 * @param grants observed grants that read changed columns
 * @param plans the expand/contract migration per dialect (SQLite, PostgreSQL)
 * @param verification the SQLite plan run on a scratch database, step by step
 * @param timeline the deprecation timeline
 * @param notice the draft notice to consumers, Markdown
 * @param check the CI check: the level, whether it failed, and the changes not acknowledged
 * @param proposedFile the file the proposed contract was read from, when known (CLI)
 */
public record MigrationReport(
        String contract,
        String product,
        String fromVersion,
        String toVersion,
        String verdict,
        boolean migrationNeeded,
        List<ChangeFinding> changes,
        List<Diff.Rename> renames,
        Version version,
        List<Consumer> consumers,
        List<GrantImpact> grants,
        List<MigrationPlan> plans,
        Verification verification,
        List<Milestone> timeline,
        String notice,
        Check check,
        String summary,
        String proposedFile) {
    public MigrationReport {
        changes = List.copyOf(changes);
        renames = List.copyOf(renames);
        consumers = List.copyOf(consumers);
        grants = List.copyOf(grants);
        plans = List.copyOf(plans);
        timeline = List.copyOf(timeline);
    }

    /** One classified change. */
    public record ChangeFinding(
            String rule,
            Severity severity,
            String path,
            String oldValue,
            String newValue,
            String message,
            String property,
            List<String> evidence)
            implements Finding {
        public ChangeFinding {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** The semantic-version check. */
    public record Version(
            String from, String to, SemVer.Bump made, SemVer.Bump needed, boolean sufficient, List<String> evidence)
            implements Finding {
        public Version {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** A consumer product of changed columns: which of its columns read which old columns, its owner, coverage. */
    public record Consumer(
            String product,
            List<String> reads,
            List<String> columns,
            Owner owner,
            boolean coveredByCompatView,
            List<String> evidence)
            implements Finding {
        public Consumer {
            reads = List.copyOf(reads);
            columns = List.copyOf(columns);
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** An observed grant whose holder reads changed columns (a grant without a column list reads them all). */
    public record GrantImpact(String principal, List<String> columns, List<String> evidence) implements Finding {
        public GrantImpact {
            columns = List.copyOf(columns);
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** A date of the deprecation timeline and what happens then. */
    public record Milestone(String date, String what) {}

    /** The CI check: at which level, whether it failed, and what is not acknowledged. */
    public record Check(boolean requested, Severity failOn, boolean failed, List<String> unacknowledged) {
        public Check {
            unacknowledged = List.copyOf(unacknowledged);
        }
    }
}
