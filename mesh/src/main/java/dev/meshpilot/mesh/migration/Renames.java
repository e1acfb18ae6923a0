package dev.meshpilot.mesh.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pairs removed and added properties of one object that are the same column renamed: declared by the producer
 * ({@code customProperties: renamedFrom}), or detected when the logical and physical types and classification
 * agree and at least two of these hold: the same position, a similar name, a similar description.
 */
final class Renames {
    static final double SIMILAR_NAME = 0.6;
    static final double SIMILAR_DESCRIPTION = 0.5;

    /** A detected rename and why. */
    record Rename(Prop from, Prop to, String why) {}

    private Renames() {}

    static List<Rename> find(List<Prop> removed, List<Prop> added) {
        List<Rename> out = new ArrayList<>();
        Set<Prop> used = new HashSet<>();
        for (Prop a : added) {
            String declared = a.renamedFrom();
            if (declared == null) {
                continue;
            }
            removed.stream()
                    .filter(r -> r.object().equals(a.object()) && r.name().equals(declared) && !used.contains(r))
                    .findFirst()
                    .ifPresent(r -> {
                        used.add(r);
                        out.add(new Rename(r, a, "declared by the producer (customProperties renamedFrom)"));
                    });
        }
        Map<Prop, Rename> best = new LinkedHashMap<>();
        for (Prop a : added) {
            if (out.stream().anyMatch(x -> x.to() == a)) {
                continue;
            }
            double top = 0;
            Rename pick = null;
            for (Prop r : removed) {
                if (used.contains(r) || !r.object().equals(a.object()) || !sameShape(r, a)) {
                    continue;
                }
                double name = nameSimilarity(r.name(), a.name());
                double desc = textSimilarity(r.description(), a.description());
                boolean pos = r.position() == a.position();
                List<String> signals = new ArrayList<>();
                if (pos) {
                    signals.add("same position (" + (a.position() + 1) + ")");
                }
                if (name >= SIMILAR_NAME) {
                    signals.add("similar name");
                }
                if (desc >= SIMILAR_DESCRIPTION) {
                    signals.add("similar description");
                }
                double score = (pos ? 1 : 0) + name + desc;
                if (signals.size() >= 2 && score > top) {
                    top = score;
                    pick = new Rename(r, a, "same type and " + String.join(", ", signals));
                }
            }
            if (pick != null) {
                used.add(pick.from());
                best.put(a, pick);
            }
        }
        out.addAll(best.values());
        return out;
    }

    private static boolean sameShape(Prop r, Prop a) {
        return Objects.equals(lower(r.logicalType()), lower(a.logicalType()))
                && Objects.equals(lower(r.physicalType()), lower(a.physicalType()))
                && Objects.equals(lower(r.classification()), lower(a.classification()));
    }

    /** 0..1: containment of one name's words in the other's, or their overlap. */
    static double nameSimilarity(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        if (x.containsAll(y) || y.containsAll(x)) {
            return 0.8;
        }
        return jaccard(x, y);
    }

    static double textSimilarity(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        return jaccard(words(a), words(b));
    }

    private static double jaccard(Set<String> x, Set<String> y) {
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> any = new HashSet<>(x);
        any.addAll(y);
        return any.isEmpty() ? 0 : (double) both.size() / any.size();
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> !w.isBlank())
                .forEach(out::add);
        return out;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
