/**
 * Scorers: what a case expects against what a run produced, as per-metric values between 0 and 1 (exact
 * fields, set precision and recall, ranges, mentions, tool trajectory, safety, grounding rate, budget) and
 * the reasons a case failed.
 */
package dev.meshpilot.evals.score;
