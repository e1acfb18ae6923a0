package dev.meshpilot.sandbox.gate;

import dev.meshpilot.sandbox.tool.ToolResult.Flag;
import dev.meshpilot.sandbox.tool.Truncation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What shaping one result did: notes for people, cuts and flags for agents. Repeated cuts of one place
 * merge (first total, last kept); past {@link #MAX_CUTS} places the rest are only counted. Confined to one
 * call.
 */
final class Findings {
    static final int MAX_CUTS = 50;

    private final Set<String> notes = new LinkedHashSet<>();
    private final Map<String, Truncation> cuts = new LinkedHashMap<>();
    private final EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
    private int uncounted;

    void note(Flag flag, String note) {
        flags.add(flag);
        notes.add(note);
    }

    void cut(Truncation t) {
        flags.add(Flag.TRUNCATED);
        String key = t.path() + "\u0000" + t.unit() + "\u0000" + t.reason();
        Truncation before = cuts.get(key);
        if (before != null) {
            cuts.put(key, new Truncation(t.path(), t.unit(), before.total(), t.kept(), t.reason()));
        } else if (cuts.size() < MAX_CUTS) {
            cuts.put(key, t);
        } else {
            uncounted++;
        }
    }

    boolean truncated() {
        return flags.contains(Flag.TRUNCATED);
    }

    Set<Flag> flags() {
        return flags;
    }

    List<Truncation> truncations() {
        return List.copyOf(cuts.values());
    }

    /** The notes, then one line per cut. */
    List<String> noteList() {
        List<String> out = new ArrayList<>(notes);
        cuts.values().forEach(t -> out.add(t.toString()));
        if (uncounted > 0) {
            out.add("and " + uncounted + " more cuts");
        }
        return out;
    }
}
