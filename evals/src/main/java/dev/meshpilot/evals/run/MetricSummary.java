package dev.meshpilot.evals.run;

/**
 * One metric of a suite in one variant: its mean over the cases that measure it (and over repetitions), the
 * standard deviation of the per-repetition means (0 for one repetition), how many cases measured it, the
 * suite's threshold (null when it sets none) and whether the mean reaches it.
 */
public record MetricSummary(String metric, double mean, double stddev, int cases, Double threshold, boolean ok) {}
