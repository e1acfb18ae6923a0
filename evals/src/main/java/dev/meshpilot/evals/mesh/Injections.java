package dev.meshpilot.evals.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared prompt-injection corpus ({@code injection/injection_cases.jsonl} of the shared standards), read
 * in place: overlay files name a payload with {@code {{injection:<id>}}} and get its text, escaped for a
 * JSON or YAML double-quoted string in {@code .json}, {@code .ndjson} and {@code .yaml} files, as is
 * elsewhere (runbook Markdown).
 */
public final class Injections {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{injection:([0-9A-Za-z_-]+)}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path corpus;
    private Map<String, String> texts;

    public Injections(Path corpus) {
        this.corpus = corpus;
    }

    /** Whether {@code text} plants a payload. */
    static boolean uses(String text) {
        return PLACEHOLDER.matcher(text).find();
    }

    public boolean available() {
        return corpus != null && Files.isRegularFile(corpus);
    }

    public Path corpus() {
        return corpus;
    }

    /** {@code text} with every placeholder replaced; {@code file} names where it came from, for errors. */
    String plant(String text, Path file) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean escape = file.toString().matches(".*\\.(json|ndjson|ya?ml)$");
        while (m.find()) {
            String payload = texts().get(m.group(1));
            if (payload == null) {
                throw new MeshpilotException(
                        ErrorCode.USAGE, file + ": no injection case '" + m.group(1) + "' in " + corpus);
            }
            String value = escape ? quoted(payload) : payload;
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String quoted(String s) {
        String q = JSON.getNodeFactory().textNode(s).toString();
        return q.substring(1, q.length() - 1);
    }

    private synchronized Map<String, String> texts() {
        if (texts == null) {
            if (!available()) {
                throw new MeshpilotException(
                        ErrorCode.NOT_FOUND, "the injection corpus is not at " + corpus + " (set meshpilot.standards)");
            }
            Map<String, String> m = new HashMap<>();
            try {
                for (String line : Files.readAllLines(corpus)) {
                    if (!line.isBlank()) {
                        JsonNode n = JSON.readTree(line);
                        m.put(n.path("id").asText(), n.path("text").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            texts = m;
        }
        return texts;
    }
}
