package dev.meshpilot.agents.kit;

import dev.meshpilot.agents.runtime.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Judges a model's findings against the evidence of its run and collects what it dropped, each as
 * {@code "<what> cites [E9]: <why>"}. Built from the run's transcript, it also judges the kind of evidence:
 * a finding must cite ids of this run, none of a call that was denied or failed (they support nothing), and
 * at least one whose result is of the kind its {@link Support} names (a next step needs the runbook result
 * that contains it). One per report; an agent's review calls it per finding and builds the report from what
 * it returns.
 *
 * <pre>{@code
 * Grounding g = new Grounding(tools.transcript());
 * List<Step> steps = g.keep(report.steps(), s -> "nextStep from " + s.runbook(),
 *         s -> Support.from("a runbook search result", "search_runbooks").mentioning(s.runbook(), s.step()));
 * Owner owner = g.check(report.owner(), o -> "owner " + o.team(), Support.anyData(), baseline.owner());
 * return new Grounded<>(new Report(..., steps, owner), g.dropped());
 * }</pre>
 */
public final class Grounding {
    private final Set<String> known;
    private final Map<String, Evidence> evidence;
    private final List<String> dropped = new ArrayList<>();

    /** Checks ids only: a finding must cite at least one id, all of them in {@code known}. */
    public Grounding(Set<String> known) {
        this.known = Set.copyOf(known);
        this.evidence = Map.of();
    }

    /** Checks ids, outcomes and kinds against the run's evidence. */
    public Grounding(List<Evidence> transcript) {
        Map<String, Evidence> byId = new LinkedHashMap<>();
        transcript.forEach(e -> byId.put(e.id(), e));
        this.evidence = Map.copyOf(byId);
        this.known = Set.copyOf(byId.keySet());
    }

    /** Whether the finding cites at least one id and only ids of this run (with data, when built from one). */
    public boolean grounded(Finding f) {
        return problem(f, null) == null;
    }

    /** Whether the finding is grounded and cites at least one result {@code support} accepts. */
    public boolean supported(Finding f, Support support) {
        return problem(f, support) == null;
    }

    /** Why {@code f} is not supported, e.g. {@code cites [E1] (get_incident), none a runbook search result}; null when it is. */
    public String problem(Finding f, Support support) {
        List<String> ids = f.evidence();
        if (ids.isEmpty()) {
            return "cites no evidence";
        }
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            return "cites " + unknown + ", not evidence of this run";
        }
        if (evidence.isEmpty()) {
            return null;
        }
        List<String> empty = ids.stream()
                .filter(id -> !evidence.get(id).hasData())
                .map(id -> id + " (" + evidence.get(id).result().status().wireName() + ")")
                .toList();
        if (!empty.isEmpty()) {
            return "cites " + empty + ": a denied or failed call supports nothing";
        }
        if (support == null || ids.stream().anyMatch(id -> support.supportedBy(evidence.get(id)))) {
            return null;
        }
        return "cites "
                + ids.stream()
                        .map(id -> id + " (" + evidence.get(id).tool() + ")")
                        .toList()
                + ", none of them " + support.kind();
    }

    /**
     * The ids {@code f} cites whose results {@code support} accepts (every cited id of this run, when built
     * from ids only).
     */
    public List<String> supporting(Finding f, Support support) {
        if (evidence.isEmpty()) {
            return f.evidence().stream().filter(known::contains).toList();
        }
        return f.evidence().stream()
                .filter(evidence::containsKey)
                .filter(id -> support == null ? evidence.get(id).hasData() : support.supportedBy(evidence.get(id)))
                .toList();
    }

    /** Whether {@code id} is a call the model made itself (not the playbook); false when built from ids only. */
    public boolean byModel(String id) {
        Evidence e = evidence.get(id);
        return e != null && "model".equals(e.by());
    }

    /** The findings that are grounded, in order; the others are described in {@link #dropped()}. */
    public <T extends Finding> List<T> keep(List<T> items, Function<T, String> describe) {
        return keep(items, describe, t -> null);
    }

    /** The findings {@code support} (per finding) accepts, in order; the others are described as dropped. */
    public <T extends Finding> List<T> keep(List<T> items, Function<T, String> describe, Function<T, Support> support) {
        List<T> out = new ArrayList<>();
        for (T t : items) {
            String why = problem(t, support.apply(t));
            if (why == null) {
                out.add(t);
            } else {
                dropped.add(describe.apply(t) + " " + why);
            }
        }
        return out;
    }

    /** {@code item} when it is null or grounded, else {@code replacement} (and the item described as dropped). */
    public <T extends Finding> T check(T item, Function<T, String> describe, T replacement) {
        return check(item, describe, null, replacement);
    }

    /**
     * {@code item} when it is null or {@code support} accepts it, else {@code replacement} — the playbook's
     * finding, so a dropped claim leaves the rule-based one standing — and the item described as dropped.
     */
    public <T extends Finding> T check(T item, Function<T, String> describe, Support support, T replacement) {
        if (item == null) {
            return null;
        }
        String why = problem(item, support);
        if (why == null) {
            return item;
        }
        dropped.add(describe.apply(item) + " " + why);
        return replacement;
    }

    /** Whether anything was dropped so far. */
    public boolean droppedAny() {
        return !dropped.isEmpty();
    }

    public List<String> dropped() {
        return List.copyOf(dropped);
    }
}
