package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a workspace classifies contract changes: severity overrides by rule id, how many days a breaking change's
 * old shape stays served (the deprecation window), and whether a breaking change must name a deprecation date
 * to count as acknowledged. Read from a policy of kind {@code contract-change}:
 *
 * <pre>{@code
 * rule:
 *   severities: {description-changed: off, unique-added: breaking}
 *   deprecationDays: 60
 *   requireDeprecationDate: true
 * }</pre>
 */
public record RuleSettings(Map<ChangeRule, Severity> overrides, int deprecationDays, boolean requireDeprecationDate) {
    /** Default days between announcing a breaking change and dropping the old shape. */
    public static final int DEFAULT_DEPRECATION_DAYS = 30;

    public static final RuleSettings DEFAULTS = new RuleSettings(Map.of(), DEFAULT_DEPRECATION_DAYS, false);

    /** The keys a {@code contract-change} policy's rule may hold. */
    public static final List<String> KEYS = List.of("severities", "deprecationDays", "requireDeprecationDate");

    public RuleSettings {
        overrides = overrides.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(overrides));
        if (deprecationDays < 0) {
            throw new IllegalArgumentException("deprecationDays must be 0 or more, not " + deprecationDays);
        }
    }

    public Severity severity(ChangeRule rule) {
        return overrides.getOrDefault(rule, rule.defaultSeverity());
    }

    /** The settings in a policy's {@code rule}; unknown rule ids or levels are in {@link #problems}. */
    public static RuleSettings of(JsonNode rule) {
        Map<ChangeRule, Severity> overrides = new EnumMap<>(ChangeRule.class);
        rule.path("severities")
                .properties()
                .forEach(e -> ChangeRule.of(e.getKey())
                        .ifPresent(r -> Severity.of(e.getValue().asText()).ifPresent(s -> overrides.put(r, s))));
        return new RuleSettings(
                overrides,
                Math.max(0, rule.path("deprecationDays").asInt(DEFAULT_DEPRECATION_DAYS)),
                rule.path("requireDeprecationDate").asBoolean(false));
    }

    /** What is wrong with a policy's {@code rule}, as {@code field: message}; empty when it is usable. */
    public static List<String> problems(JsonNode rule) {
        List<String> out = new ArrayList<>();
        rule.properties().forEach(e -> {
            if (!KEYS.contains(e.getKey())) {
                out.add(e.getKey() + ": unknown key; valid: " + String.join(", ", KEYS));
            }
        });
        JsonNode sev = rule.path("severities");
        if (!sev.isMissingNode() && !sev.isObject()) {
            out.add("severities: expected a mapping of rule id to breaking, review, compatible or off");
        }
        sev.properties().forEach(e -> {
            if (ChangeRule.of(e.getKey()).isEmpty()) {
                out.add("severities." + e.getKey() + ": unknown rule; rules: " + String.join(", ", ChangeRule.ids()));
            }
            if (Severity.of(e.getValue().asText()).isEmpty()) {
                out.add("severities." + e.getKey() + ": '" + e.getValue().asText()
                        + "' is not one of breaking, review, compatible, off");
            }
        });
        JsonNode days = rule.path("deprecationDays");
        if (!days.isMissingNode() && (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 0)) {
            out.add("deprecationDays: expected a whole number of days, 0 or more");
        }
        JsonNode req = rule.path("requireDeprecationDate");
        if (!req.isMissingNode() && !req.isBoolean()) {
            out.add("requireDeprecationDate: expected true or false");
        }
        return out;
    }
}
