/**
 * The evaluation harness: versioned suites of eval cases as data ({@code evals/suites/<name>/}), the runner
 * (playbook, replay, live and record modes, repetitions, prompt comparisons), scorers, LLM replay cassettes
 * and reports (JSON, Markdown, standalone HTML). See {@code docs/evals.md}.
 */
package dev.meshpilot.evals;
