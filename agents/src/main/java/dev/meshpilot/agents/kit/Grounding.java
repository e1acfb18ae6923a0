package dev.meshpilot.agents.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a model's findings against the evidence ids of its run and collects what it dropped, each as
 * {@code "<what> cites [E9]"}. One per report; an agent's {@code ground} calls it per finding and builds the
 * grounded report from what it returns.
 *
 * <pre>{@code
 * Grounding g = new Grounding(known);
 * List<Step> steps = g.keep(report.steps(), s -> "nextStep from " + s.runbook());
 * Owner owner = g.check(report.owner(), o -> "owner " + o.team(), null);
 * return new Grounded<>(new Report(..., steps, owner), g.dropped());
 * }</pre>
 */
public final class Grounding {
    private final Set<String> known;
    private final List<String> dropped = new ArrayList<>();

    public Grounding(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    /** Whether the finding cites at least one id and only ids of this run. */
    public boolean grounded(Finding f) {
        return !f.evidence().isEmpty() && known.containsAll(f.evidence());
    }

    /** The findings that are grounded, in order; the others are described in {@link #dropped()}. */
    public <T extends Finding> List<T> keep(List<T> items, Function<T, String> describe) {
        List<T> out = new ArrayList<>();
        for (T t : items) {
            if (grounded(t)) {
                out.add(t);
            } else {
                drop(t, describe);
            }
        }
        return out;
    }

    /** {@code item} when it is null or grounded, else {@code replacement} (and the item described as dropped). */
    public <T extends Finding> T check(T item, Function<T, String> describe, T replacement) {
        if (item == null || grounded(item)) {
            return item;
        }
        drop(item, describe);
        return replacement;
    }

    private <T extends Finding> void drop(T item, Function<T, String> describe) {
        dropped.add(describe.apply(item) + " cites " + item.evidence());
    }

    /** Whether anything was dropped so far. */
    public boolean droppedAny() {
        return !dropped.isEmpty();
    }

    public List<String> dropped() {
        return List.copyOf(dropped);
    }
}
