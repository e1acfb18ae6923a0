package dev.meshpilot.mesh.incident;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sorts an error message or an alert name into an {@link ErrorClass}, by the words engines, frameworks and
 * alert rules use. Each rule has phrases (found anywhere in the lower-cased text, e.g. {@code unique
 * constraint}) and words (matched whole against the text split at case changes and non-letters, so
 * {@code DatasetFreshnessSLOBreached} has the words dataset, freshness, slo, breached). First rule that
 * matches wins; no match is {@link ErrorClass#UNKNOWN}. The rules are data ({@code error-classes.yaml} beside
 * this class, each naming the general pattern it serves), tested against real engines' messages. File names in
 * a message ({@code models/schema.yml}) are removed first: where an error was raised says nothing of its
 * class. Rules, not a model: the same text always gets the same class. Thread-safe.
 *
 * <pre>{@code
 * ErrorClassifier.classify("NOT NULL constraint failed: customers.email");  // NULL_EXPLOSION
 * ErrorClassifier.classify("DatasetFreshnessSLOBreached");                   // UPSTREAM_LATE
 * }</pre>
 */
public final class ErrorClassifier {
    private record Rule(ErrorClass errorClass, Pattern phrase, Pattern word) {}

    private record RuleFile(List<RuleEntry> rules) {}

    private record RuleEntry(
            @JsonProperty("class") String errorClass, String pattern, List<String> phrases, List<String> words) {}

    static final String RESOURCE = "error-classes.yaml";
    private static final Pattern FILE_NAME = Pattern.compile(
            "[\\w./-]*[\\w-]+\\.(?:ya?ml|sql|py|json|csv|scala|java|ipynb)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<Rule> RULES = load();

    private ErrorClassifier() {}

    /** The class of {@code text} (a message or an alert name); {@link ErrorClass#UNKNOWN} for none or blank. */
    public static ErrorClass classify(String text) {
        if (text == null || text.isBlank()) {
            return ErrorClass.UNKNOWN;
        }
        String plain = FILE_NAME.matcher(text).replaceAll(" ");
        String lower = plain.toLowerCase(Locale.ROOT);
        List<String> words = Arrays.asList(plain.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .toLowerCase(Locale.ROOT)
                .split("[^a-z]+"));
        for (Rule r : RULES) {
            if ((r.phrase() != null && r.phrase().matcher(lower).find())
                    || (r.word() != null
                            && words.stream().anyMatch(w -> r.word().matcher(w).matches()))) {
                return r.errorClass();
            }
        }
        return ErrorClass.UNKNOWN;
    }

    private static List<Rule> load() {
        try (InputStream in = ErrorClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the mesh jar");
            }
            RuleFile file = new ObjectMapper(new YAMLFactory()).readValue(in, RuleFile.class);
            List<Rule> rules = new ArrayList<>();
            for (RuleEntry e : file.rules()) {
                ErrorClass c = ErrorClass.of(e.errorClass())
                        .orElseThrow(() -> new IllegalStateException(RESOURCE + ": unknown class '" + e.errorClass()
                                + "' (valid: " + ErrorClass.wireNames() + ")"));
                rules.add(new Rule(c, either(e.phrases()), either(e.words())));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** One pattern matching any of {@code alternatives}; null for none. */
    private static Pattern either(List<String> alternatives) {
        return alternatives == null || alternatives.isEmpty()
                ? null
                : Pattern.compile(String.join(
                        "|", alternatives.stream().map(a -> "(?:" + a + ")").toList()));
    }
}
