package dev.meshpilot.server.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meshpilot.server.chat.SharedFiles;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Files shared in Slack, read for a command ({@code migrate PRODUCT --to file:F0123ABCD}, or a mention with a file
 * attached): {@code files.info} gives the file's size, type and {@code url_private}, which is fetched with the bot
 * token only from the Web API's host or an allowed file host ({@code MESHPILOT_SLACK_FILE_HOSTS}), at most
 * {@value #MAX_BYTES} bytes, and only when it is UTF-8 YAML or JSON holding a mapping. Every read and refusal is
 * audited as the asking principal. Thread-safe.
 */
final class SlackFiles implements SharedFiles {
    static final int MAX_BYTES = 1024 * 1024;
    static final Pattern ID = Pattern.compile("F[A-Z0-9]{2,30}");
    private static final List<String> TYPES = List.of("yaml", "yml", "json", "text");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final SlackApi api;
    private final List<String> hosts;
    private final ChatAudit audit;

    SlackFiles(SlackApi api, List<String> hosts, ChatAudit audit) {
        this.api = api;
        this.hosts = List.copyOf(hosts);
        this.audit = audit;
    }

    @Override
    public Fetched fetch(String principal, String id) {
        if (!ID.matcher(id).matches()) {
            return refuse(
                    principal,
                    id,
                    "`" + BlockKit.clip(id, 40) + "` is not a Slack file id (they look like "
                            + "F0123ABCD: share the file in the message, or copy its id from the file's link)");
        }
        SlackApi.Outcome info = api.read("files.info", "file=" + id);
        if (!info.ok()) {
            audit.failed(principal, "slack file " + id, info.error());
            return Fetched.refused("Slack could not give me file " + id + " (" + info.error() + "); check that the "
                    + "app has the files:read scope and can see the file");
        }
        JsonNode f = info.response().path("file");
        String name = BlockKit.clip(f.path("name").asText(id).replaceAll("[^\\p{L}\\p{N}._ -]", "_"), 80);
        long size = f.path("size").asLong(-1);
        if (size > MAX_BYTES) {
            return refuse(principal, id, tooBig(name));
        }
        String type = f.path("filetype").asText("").toLowerCase(Locale.ROOT);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean named = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
        if (!named && !TYPES.contains(type)) {
            return refuse(
                    principal,
                    id,
                    name + " is not a YAML or JSON file (Slack says `" + BlockKit.clip(type, 20)
                            + "`): share the proposed contract as .yaml, .yml or .json");
        }
        URI url = url(f.path("url_private").asText(null));
        if (!api.fileAllowed(url, hosts)) {
            return refuse(
                    principal,
                    id,
                    "the file's address is not on Slack's Web API host or an allowed file "
                            + "host (MESHPILOT_SLACK_FILE_HOSTS), so I did not fetch it");
        }
        SlackApi.Download d = api.download(url, MAX_BYTES);
        if (d.error() != null) {
            audit.failed(principal, "slack file " + id, d.error());
            return Fetched.refused("I could not download " + name + ": " + d.error() + "; try sharing it again");
        }
        if (d.bytes().length > MAX_BYTES) {
            return refuse(principal, id, tooBig(name));
        }
        String text;
        JsonNode doc;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(d.bytes()))
                    .toString();
            doc = YAML.readTree(text);
        } catch (CharacterCodingException e) {
            return refuse(principal, id, name + " is not UTF-8 text: share the proposed contract as YAML or JSON");
        } catch (java.io.IOException | RuntimeException e) {
            return refuse(principal, id, name + " does not parse as YAML or JSON: fix it and share it again");
        }
        if (doc == null || !doc.isObject()) {
            return refuse(principal, id, name + " is not a YAML or JSON mapping, so it cannot be a data contract");
        }
        audit.accepted(principal, "slack file " + id, name + ", " + d.bytes().length + " bytes");
        return Fetched.of(name, text);
    }

    private Fetched refuse(String principal, String id, String reason) {
        audit.denied(principal, "slack file " + BlockKit.clip(id, 40), reason);
        return Fetched.refused(reason);
    }

    private static String tooBig(String name) {
        return name + " is larger than " + MAX_BYTES + " bytes (1 MiB), the most I read from a shared file";
    }

    private static URI url(String s) {
        try {
            return s == null ? null : URI.create(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
