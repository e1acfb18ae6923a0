package dev.meshpilot.mesh.activity;

import java.time.Instant;

/** One data quality assertion's result for a dataset in one run; {@code column} is empty for table-level ones. */
public record QualityRecord(
        String runId, String namespace, String dataset, String assertion, String column, boolean success, Instant at) {}
