package dev.meshpilot.sandbox.tool;

/** A rough cost of one call, for budgets and for a model choosing what to call. */
public enum CostClass {
    CHEAP,
    MODERATE,
    EXPENSIVE
}
