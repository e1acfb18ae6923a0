package dev.meshpilot.server.chat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the command a free-text mention asks for ("why is revenue_daily late?" → {@code anomalies
 * finance.revenue_daily}; "triage INC-1001 please" → {@code triage INC-1001}), and asks for what it lacks. A mention
 * that starts with a command word is parsed as that command. Scopes are the mesh's product and domain ids; a
 * product's short name ({@code revenue_daily}) stands for its id. Thread-safe.
 */
public final class Mentions {
    private static final Pattern INCIDENT = Pattern.compile("\\b([A-Z]{2,10}-\\d{1,9})\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}._-]+");
    private static final List<String> DRIFT = List.of("drift", "policy", "policies", "grant", "retention", "complian");
    private static final List<String> MIGRATE = List.of("migrat", "contract change", "breaking", "new version");
    private static final List<String> ANOMALY =
            List.of("anomal", "late", "stale", "spike", "drop", "fresh", "volume", "null", "odd", "wrong", "weird");

    private final Commands commands;
    private final Map<String, String> scopes = new HashMap<>();

    /** Mentions over {@code commands}, knowing the mesh's {@code productIds} (domain ids are their prefixes). */
    public Mentions(Commands commands, Collection<String> productIds) {
        this.commands = commands;
        for (String id : productIds) {
            scopes.put(id.toLowerCase(Locale.ROOT), id);
            int dot = id.indexOf('.');
            if (dot > 0) {
                scopes.putIfAbsent(id.substring(dot + 1).toLowerCase(Locale.ROOT), id);
                scopes.putIfAbsent(id.substring(0, dot).toLowerCase(Locale.ROOT), id.substring(0, dot));
            }
        }
    }

    public ChatCommand parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a mention that came with shared file {@code fileId} (null: none): a migration of a named product then
     * takes the file as its proposed contract.
     */
    public ChatCommand parse(String text, String fileId) {
        String t = text == null ? "" : text.replaceAll("<@[A-Z0-9]+>", " ").strip();
        ChatCommand asCommand = commands.parse(t, fileId);
        if (!(asCommand instanceof ChatCommand.Refused) || t.isEmpty()) {
            return asCommand;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        Matcher incident = INCIDENT.matcher(t);
        if (incident.find()) {
            return commands.parse("triage " + incident.group(1));
        }
        Optional<String> scope = scope(lower);
        if (has(lower, MIGRATE)) {
            if (fileId != null && scope.filter(x -> x.contains(".")).isPresent()) {
                return commands.parse("migrate " + scope.get(), fileId);
            }
            return new ChatCommand.Refused("I can draft that migration: which contract, and where is the proposed "
                    + "version? e.g. `migrate " + scope.orElse("customers.customer_profile")
                    + " --to contracts/customers.customer_profile.v2.odcs.yaml`, or mention me again naming the "
                    + "product with the proposed contract (YAML or JSON) shared as a file");
        }
        if (has(lower, DRIFT)) {
            return commands.parse("drift " + scope.orElse("mesh"));
        }
        if (has(lower, ANOMALY)) {
            return commands.parse("anomalies" + scope.map(s -> " " + s).orElse(""));
        }
        return new ChatCommand.Refused("I did not catch what to do. I can triage an incident (`triage INC-1001`), "
                + "look for anomalies (`anomalies finance`), check drift (`drift`), draft a migration "
                + "(`migrate PRODUCT --to FILE`), search (`search WORDS`) or show an incident (`incident ID`).");
    }

    private Optional<String> scope(String lower) {
        Matcher m = WORD.matcher(lower);
        String domain = null;
        while (m.find()) {
            String w = m.group().replaceAll("^[._-]+|[._-]+$", "");
            String s = scopes.get(w);
            if (s != null && s.contains(".")) {
                return Optional.of(s);
            }
            if (s != null && domain == null) {
                domain = s;
            }
        }
        return Optional.ofNullable(domain);
    }

    private static boolean has(String lower, List<String> words) {
        return words.stream().anyMatch(lower::contains);
    }
}
