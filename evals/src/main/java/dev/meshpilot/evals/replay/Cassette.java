package dev.meshpilot.evals.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The model's side of one run, in order: each exchange is the request the runtime sent (kept for reading and
 * diffing; replay does not match on it) and the response the provider gave. A cassette is made with one
 * prompt version, named with its {@code id@vN} and the SHA-256 of the prompt file, so a changed prompt
 * cannot silently replay an old conversation. A JSON file: {@code cassettes/<prompt>.json} in a case folder.
 *
 * @param provider the model API the exchanges speak ({@code openai} or {@code ollama})
 * @param origin how it was made: {@code recorded} (record mode) or {@code authored} (written by hand)
 */
public record Cassette(
        String prompt, String promptSha256, String provider, String model, String origin, List<Exchange> exchanges) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Cassette {
        Objects.requireNonNull(prompt, "prompt");
        provider = provider == null ? "openai" : provider;
        model = model == null ? "replay" : model;
        exchanges = List.copyOf(exchanges);
    }

    /** One model request and its response; {@code request} may be null in an authored cassette. */
    public record Exchange(String path, JsonNode request, int status, JsonNode response) {}

    /** The API path requests of this provider go to. */
    public String path() {
        return "ollama".equals(provider) ? "/api/chat" : "/v1/chat/completions";
    }

    /** The base URL a client of this provider uses for a server at {@code root}. */
    public String baseUrl(String root) {
        return "ollama".equals(provider) ? root : root + "/v1";
    }

    /** @throws MeshpilotException naming the file and the field when the cassette is malformed */
    public static Cassette read(Path file) {
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.USAGE, file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!n.path("prompt").isTextual()) {
            throw new MeshpilotException(ErrorCode.USAGE, file + ": prompt: is required (e.g. triage@v1)");
        }
        if (!n.path("exchanges").isArray() || n.path("exchanges").isEmpty()) {
            throw new MeshpilotException(ErrorCode.USAGE, file + ": exchanges: must be a non-empty list");
        }
        List<Exchange> exchanges = new ArrayList<>();
        int i = 0;
        for (JsonNode x : n.path("exchanges")) {
            JsonNode response = x.path("response");
            if (!response.isObject() && !response.isTextual()) {
                throw new MeshpilotException(
                        ErrorCode.USAGE, file + ": exchanges[" + i + "].response: must be the provider's JSON body");
            }
            exchanges.add(new Exchange(
                    x.path("path").asText(null),
                    x.has("request") ? x.get("request") : null,
                    x.path("status").asInt(200),
                    response));
            i++;
        }
        return new Cassette(
                n.path("prompt").asText(),
                n.path("promptSha256").asText(null),
                n.path("provider").asText(null),
                n.path("model").asText(null),
                n.path("origin").asText("authored"),
                exchanges);
    }

    public void write(Path file) {
        ObjectNode n = JSON.createObjectNode();
        n.put("prompt", prompt).put("promptSha256", promptSha256).put("provider", provider);
        n.put("model", model).put("origin", origin);
        var list = n.putArray("exchanges");
        for (Exchange x : exchanges) {
            ObjectNode o = list.addObject();
            o.put("path", x.path());
            if (x.request() != null) {
                o.set("request", x.request());
            }
            o.put("status", x.status());
            o.set("response", x.response());
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(n) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
