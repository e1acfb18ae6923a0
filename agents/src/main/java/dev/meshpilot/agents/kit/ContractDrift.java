package dev.meshpilot.agents.kit;

import dev.meshpilot.tools.catalog.ContractView;
import dev.meshpilot.tools.observed.ObservedSchemaView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ways a product's observed table departs from its contract that break a reader: a declared column that is
 * not there any more (dropped or renamed), and a declared column whose observed type is another (a number or
 * date now read as text, or any physical type that differs). Undeclared extra columns break nobody and are not
 * reported. Top-level columns only (nested ones are compared by the drift agent).
 *
 * <pre>{@code
 * List<ContractDrift.Change> changes = ContractDrift.of(contract, observed);
 * }</pre>
 */
public final class ContractDrift {
    /** One breaking difference: the column, what happened (missing or retyped), and the two sides. */
    public record Change(String column, String kind, String declared, String observed) {
        /** For a report: {@code amount (declared decimal(12,2), observed VARCHAR)}. */
        public String describe() {
            return kind.equals("missing")
                    ? column + " is declared but missing from the table" + (observed == null ? "" : observed)
                    : column + " is declared " + declared + " but observed " + observed;
        }
    }

    private static final Set<String> TEXT =
            Set.of("text", "string", "varchar", "char", "character", "nvarchar", "clob");
    private static final Set<String> NOT_TEXT = Set.of(
            "integer",
            "int",
            "bigint",
            "smallint",
            "number",
            "numeric",
            "decimal",
            "double",
            "float",
            "real",
            "date",
            "timestamp",
            "timestamp_ntz",
            "timestamp_tz",
            "datetime",
            "boolean",
            "bool",
            "int64",
            "float64");

    private ContractDrift() {}

    /** The breaking changes of {@code observed} against {@code contract}; empty when nothing was observed. */
    public static List<Change> of(ContractView contract, ObservedSchemaView observed) {
        List<Change> out = new ArrayList<>();
        if (observed.columns().isEmpty()) {
            return out;
        }
        Map<String, String> seen = new LinkedHashMap<>();
        observed.columns().forEach(c -> seen.put(c.name().toLowerCase(Locale.ROOT), c.type()));
        List<String> undeclared = new ArrayList<>();
        Map<String, ContractView.Property> declared = new LinkedHashMap<>();
        contract.objects()
                .forEach(o -> o.properties().stream()
                        .filter(p -> !p.name().contains("."))
                        .forEach(p -> declared.putIfAbsent(p.name().toLowerCase(Locale.ROOT), p)));
        seen.keySet().stream().filter(c -> !declared.containsKey(c)).forEach(undeclared::add);
        for (ContractView.Property p : declared.values()) {
            String key = p.name().toLowerCase(Locale.ROOT);
            if (!seen.containsKey(key)) {
                out.add(new Change(
                        p.name(),
                        "missing",
                        p.physicalType(),
                        undeclared.isEmpty()
                                ? null
                                : " (the table has undeclared " + String.join(", ", undeclared) + ")"));
                continue;
            }
            String type = seen.get(key);
            String want = p.physicalType() != null ? p.physicalType() : p.logicalType();
            if (type != null && want != null && retyped(want, type)) {
                out.add(new Change(p.name(), "retyped", want, type));
            }
        }
        return out;
    }

    /** Whether a column declared {@code want} observed as {@code got} reads differently. */
    static boolean retyped(String want, String got) {
        String w = base(want);
        String g = base(got);
        if (TEXT.contains(g) && NOT_TEXT.contains(w)) {
            return true; // a number, date or flag now arrives as text
        }
        if (TEXT.contains(g) || TEXT.contains(w) || !NOT_TEXT.contains(g) || !NOT_TEXT.contains(w)) {
            return false; // lengths of text, or types this comparison does not know: not a break it can prove
        }
        return family(w) != family(g);
    }

    private static String base(String type) {
        String t = type.toLowerCase(Locale.ROOT).strip();
        int paren = t.indexOf('(');
        return (paren < 0 ? t : t.substring(0, paren)).strip();
    }

    private static int family(String t) {
        return switch (t) {
            case "date", "timestamp", "timestamp_ntz", "timestamp_tz", "datetime" -> 1;
            case "boolean", "bool" -> 2;
            default -> 0; // numbers
        };
    }
}
