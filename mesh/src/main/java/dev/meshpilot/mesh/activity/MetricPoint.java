package dev.meshpilot.mesh.activity;

import java.time.Instant;

/** One value of a dataset metric ({@code row_count}, {@code bytes}, {@code null_count}, {@code distinct_count}). */
public record MetricPoint(String dataset, String metric, String column, Instant at, double value, String runId) {}
