package dev.meshpilot.mesh.migration;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every change between two versions of a contract, classified, with the renames found, the version bump made
 * and the one the changes need. {@code migrationNeeded} says whether any change touches the stored shape
 * (columns, types, keys, nullability); description, SLA or quality changes alone need no SQL.
 */
public record Diff(
        String contract,
        String oldVersion,
        String newVersion,
        List<Change> changes,
        List<Rename> renames,
        SemVer.Bump bumpMade,
        SemVer.Bump bumpNeeded,
        boolean bumpSufficient,
        boolean migrationNeeded) {
    static final Set<String> SHAPE_RULES = Set.of(
            ChangeRule.PROPERTY_REMOVED.id(),
            ChangeRule.PROPERTY_RENAMED.id(),
            ChangeRule.PROPERTY_ADDED.id(),
            ChangeRule.REQUIRED_PROPERTY_ADDED.id(),
            ChangeRule.TYPE_CHANGED.id(),
            ChangeRule.TYPE_NARROWED.id(),
            ChangeRule.TYPE_WIDENED.id(),
            ChangeRule.PHYSICAL_TYPE_CHANGED.id(),
            ChangeRule.OPTIONAL_TO_REQUIRED.id(),
            ChangeRule.REQUIRED_TO_OPTIONAL.id(),
            ChangeRule.PRIMARY_KEY_CHANGED.id(),
            ChangeRule.UNIQUE_ADDED.id(),
            ChangeRule.OBJECT_REMOVED.id(),
            ChangeRule.OBJECT_ADDED.id());

    /** A property renamed within an object, and why the diff thinks so. */
    public record Rename(String object, String from, String to, String why) {}

    public Diff {
        Objects.requireNonNull(contract, "contract");
        changes = List.copyOf(changes);
        renames = List.copyOf(renames);
    }

    /** The changes of {@code severity}. */
    public List<Change> of(Severity severity) {
        return changes.stream().filter(c -> c.severity() == severity).toList();
    }

    /** Whether any change is at least {@code level}. */
    public boolean any(Severity level) {
        return changes.stream().anyMatch(c -> c.severity().atLeast(level));
    }
}
