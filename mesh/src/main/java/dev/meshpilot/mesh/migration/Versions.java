package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The semantic-version check: the bump the changes need against the one the proposal makes. */
final class Versions {
    private Versions() {}

    static Diff check(JsonNode old, JsonNode proposed, ContractDiff.Sink sink, List<Diff.Rename> renames) {
        String from = Docs.text(old, "version");
        String to = Docs.text(proposed, "version");
        SemVer.Bump needed = sink.changes.stream()
                .map(c -> SemVer.Bump.needed(c.severity()))
                .max(Enum::compareTo)
                .orElse(SemVer.Bump.NONE);
        SemVer.Bump made = SemVer.between(from, to);
        boolean ok = SemVer.satisfies(from, made, needed);
        Severity worst =
                sink.changes.stream().map(Change::severity).min(Enum::compareTo).orElse(Severity.COMPATIBLE);
        if (!ok) {
            String why = made == null
                    ? "version " + to + " is not above " + from
                    : from + " → " + to + " is a " + made.wireName() + " bump";
            sink.add(
                    ChangeRule.VERSION_NOT_BUMPED,
                    "version",
                    from,
                    to,
                    why + "; the changes need a " + needed.wireName() + " bump (" + suggest(from, needed) + ")",
                    null,
                    null);
            Change last = sink.changes.getLast();
            if (last.rule().equals(ChangeRule.VERSION_NOT_BUMPED.id()) && worst.compareTo(last.severity()) > 0) {
                sink.changes.set(
                        sink.changes.size() - 1,
                        new Change(
                                last.rule(),
                                worst,
                                last.path(),
                                last.oldValue(),
                                last.newValue(),
                                last.message(),
                                null,
                                null));
            }
        }
        boolean shape = sink.changes.stream().anyMatch(c -> Diff.SHAPE_RULES.contains(c.rule()));
        String id = Docs.text(proposed, "id") != null ? Docs.text(proposed, "id") : Docs.text(old, "id");
        return new Diff(id == null ? "" : id, from, to, sink.changes, renames, made, needed, ok, shape);
    }

    /** The smallest version after {@code from} with {@code bump}, e.g. 1.4.2 and major → 2.0.0. */
    static String suggest(String from, SemVer.Bump bump) {
        int[] v = SemVer.parse(from);
        if (v == null) {
            return "a higher version";
        }
        return switch (bump) {
            case MAJOR -> v[0] == 0 ? "0." + (v[1] + 1) + ".0" : (v[0] + 1) + ".0.0";
            case MINOR -> v[0] + "." + (v[1] + 1) + ".0";
            case PATCH, NONE -> v[0] + "." + v[1] + "." + (v[2] + 1);
        };
    }
}
