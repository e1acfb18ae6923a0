package dev.meshpilot.agents;

import dev.meshpilot.agents.anomalies.AnomaliesDescriptor;
import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.agents.drift.DriftDescriptor;
import dev.meshpilot.agents.migration.MigrationDescriptor;
import dev.meshpilot.agents.triage.TriageDescriptor;
import java.util.List;

/** The product's agents: a new agent adds its descriptor to this list, and nothing in {@code server} or {@code evals}. */
public final class Agents {
    private static final Catalog CATALOG = Catalog.of(List.of(
            TriageDescriptor.descriptor(),
            AnomaliesDescriptor.descriptor(),
            MigrationDescriptor.descriptor(),
            DriftDescriptor.descriptor()));

    private Agents() {}

    public static Catalog catalog() {
        return CATALOG;
    }
}
