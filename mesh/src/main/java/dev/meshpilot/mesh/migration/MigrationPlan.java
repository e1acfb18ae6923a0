package dev.meshpilot.mesh.migration;

import java.util.List;
import java.util.Objects;

/**
 * An expand/contract migration for one dialect, as one artifact: {@code expand} (new columns beside the old),
 * {@code backfill} (the new columns filled from the old), {@code views} (the compatibility view that keeps the
 * old shape for old consumers, renamed and retyped columns mapped back, and a view of the new shape for the
 * transition), and {@code contract} (drops, renames and new constraints) — to run only on or after
 * {@code gatedUntil}, the deprecation date. {@code notes} say what the SQL cannot.
 */
public record MigrationPlan(
        Dialect dialect,
        List<String> expand,
        List<String> backfill,
        List<String> views,
        List<String> contract,
        String gatedUntil,
        List<String> compatViews,
        List<String> notes) {
    public MigrationPlan {
        Objects.requireNonNull(dialect, "dialect");
        expand = List.copyOf(expand);
        backfill = List.copyOf(backfill);
        views = List.copyOf(views);
        contract = List.copyOf(contract);
        compatViews = List.copyOf(compatViews);
        notes = List.copyOf(notes);
    }

    /** The whole plan as one script, the contract step commented as gated. */
    public String script() {
        StringBuilder b = new StringBuilder();
        section(b, "1. expand", expand);
        section(b, "2. backfill", backfill);
        section(b, "3. compatibility views (old shape for old consumers; new shape for the transition)", views);
        section(b, "4. contract — only on or after " + gatedUntil + " (the deprecation date)", contract);
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<String> sql) {
        b.append("-- ").append(title).append('\n');
        if (sql.isEmpty()) {
            b.append("-- (nothing)\n");
        }
        sql.forEach(s -> b.append(s).append(";\n"));
        b.append('\n');
    }
}
