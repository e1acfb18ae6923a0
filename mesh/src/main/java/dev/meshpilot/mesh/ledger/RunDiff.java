package dev.meshpilot.mesh.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two recorded runs, by fingerprint: findings only in the later run ({@code appeared}),
 * only in the earlier ({@code disappeared}), and in both with another level or state ({@code changed}).
 */
public record RunDiff(
        String from,
        String to,
        List<RecordedFinding> appeared,
        List<RecordedFinding> disappeared,
        List<Change> changed) {
    public RunDiff {
        appeared = List.copyOf(appeared);
        disappeared = List.copyOf(disappeared);
        changed = List.copyOf(changed);
    }

    /** A finding in both runs whose level or state differs. */
    public record Change(RecordedFinding before, RecordedFinding after) {}

    public static RunDiff of(String from, List<RecordedFinding> a, String to, List<RecordedFinding> b) {
        Map<String, RecordedFinding> before = index(a);
        Map<String, RecordedFinding> after = index(b);
        List<RecordedFinding> appeared = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        after.forEach((fp, f) -> {
            RecordedFinding was = before.get(fp);
            if (was == null) {
                appeared.add(f);
            } else if (!Objects.equals(was.level(), f.level())
                    || !relabel(was.state()).equals(relabel(f.state()))) {
                changed.add(new Change(was, f));
            }
        });
        List<RecordedFinding> disappeared = before.entrySet().stream()
                .filter(e -> !after.containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        return new RunDiff(from, to, appeared, disappeared, changed);
    }

    /** new and persisting are the same open state across runs. */
    private static String relabel(String state) {
        return state.equals("new") || state.equals("persisting") || state.equals("reopened") ? "open" : state;
    }

    private static Map<String, RecordedFinding> index(List<RecordedFinding> list) {
        Map<String, RecordedFinding> m = new LinkedHashMap<>();
        list.forEach(f -> m.put(f.fingerprint(), f));
        return m;
    }
}
