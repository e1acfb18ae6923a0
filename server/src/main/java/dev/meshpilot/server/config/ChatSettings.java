package dev.meshpilot.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chat (Slack) settings: the config file's {@code chat:} section, then the environment. The secrets are read from
 * environment variables only — by default {@code SLACK_SIGNING_SECRET} and {@code SLACK_BOT_TOKEN}, the names
 * Slack's SDKs use; {@code chat.signingSecretEnv} and {@code chat.botTokenEnv} name others — and never appear in
 * {@link #toString()}. Without a signing secret chat is off and {@code /slack/*} answer 404.
 * {@code MESHPILOT_SLACK_API_URL} (default {@code https://slack.com/api}) and {@code MESHPILOT_SLACK_RESPONSE_HOSTS}
 * (comma-separated, default {@code hooks.slack.com}) say where Meshpilot may post: nothing else can make it post to
 * another URL. Files shared in Slack are fetched only from the Web API's host or {@code MESHPILOT_SLACK_FILE_HOSTS}
 * (comma-separated, default {@code files.slack.com}).
 *
 * <pre>{@code
 * chat:
 *   readOnlyPrincipal: viewer     # whom unmapped Slack users act as (default: they are refused)
 *   workspace: /srv/mesh          # the folder `migrate … --to PATH` may read proposed contracts from
 *   channel: "#data-mesh-alerts"  # scheduled notifications for teams without a chat channel
 *   maxBodyBytes: 65536
 *   matchEmail: true              # users without a slack: id are matched by their Slack e-mail (users.info)
 * }</pre>
 */
public record ChatSettings(
        String signingSecret,
        String botToken,
        URI apiUrl,
        List<String> responseHosts,
        String readOnlyPrincipal,
        Path workspace,
        String channel,
        int maxBodyBytes,
        boolean matchEmail,
        List<String> fileHosts) {
    /** Where Slack serves shared files' {@code url_private} by default. */
    public static final List<String> DEFAULT_FILE_HOSTS = List.of("files.slack.com");

    public static final URI DEFAULT_API = URI.create("https://slack.com/api");
    static final List<String> KEYS = List.of(
            "signingSecretEnv",
            "botTokenEnv",
            "readOnlyPrincipal",
            "workspace",
            "channel",
            "maxBodyBytes",
            "matchEmail");

    public ChatSettings {
        responseHosts = List.copyOf(responseHosts);
        fileHosts = fileHosts == null ? DEFAULT_FILE_HOSTS : List.copyOf(fileHosts);
        if (maxBodyBytes < 1024) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, "chat.maxBodyBytes must be at least 1024, got " + maxBodyBytes);
        }
    }

    /** Settings with the default file hosts. */
    public ChatSettings(
            String signingSecret,
            String botToken,
            URI apiUrl,
            List<String> responseHosts,
            String readOnlyPrincipal,
            Path workspace,
            String channel,
            int maxBodyBytes,
            boolean matchEmail) {
        this(
                signingSecret,
                botToken,
                apiUrl,
                responseHosts,
                readOnlyPrincipal,
                workspace,
                channel,
                maxBodyBytes,
                matchEmail,
                null);
    }

    /** Settings without e-mail matching. */
    public ChatSettings(
            String signingSecret,
            String botToken,
            URI apiUrl,
            List<String> responseHosts,
            String readOnlyPrincipal,
            Path workspace,
            String channel,
            int maxBodyBytes) {
        this(
                signingSecret,
                botToken,
                apiUrl,
                responseHosts,
                readOnlyPrincipal,
                workspace,
                channel,
                maxBodyBytes,
                false);
    }

    /** Chat off: no signing secret. */
    public static ChatSettings off() {
        return new ChatSettings(null, null, DEFAULT_API, List.of("hooks.slack.com"), null, null, null, 64 * 1024);
    }

    /** Whether the {@code /slack/*} endpoints are served (a signing secret is set). */
    public boolean enabled() {
        return signingSecret != null && !signingSecret.isBlank();
    }

    public ChatSettings withApi(URI api, List<String> hosts) {
        return new ChatSettings(
                signingSecret,
                botToken,
                api,
                hosts,
                readOnlyPrincipal,
                workspace,
                channel,
                maxBodyBytes,
                matchEmail,
                fileHosts);
    }

    public static ChatSettings load(Path file, Map<String, String> env) {
        JsonNode c = file == null ? null : ConfigLoader.read(file).get("chat");
        if (c != null) {
            c.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    throw ConfigLoader.invalid(
                            file, "chat." + k, "unknown field (valid: " + String.join(", ", KEYS) + ")");
                }
            });
        }
        String secretEnv = text(c, "signingSecretEnv", "SLACK_SIGNING_SECRET");
        String tokenEnv = text(c, "botTokenEnv", "SLACK_BOT_TOKEN");
        String api = env.getOrDefault("MESHPILOT_SLACK_API_URL", DEFAULT_API.toString())
                .strip();
        List<String> hosts = hosts(env.getOrDefault("MESHPILOT_SLACK_RESPONSE_HOSTS", "hooks.slack.com"));
        List<String> fileHosts =
                hosts(env.getOrDefault("MESHPILOT_SLACK_FILE_HOSTS", String.join(",", DEFAULT_FILE_HOSTS)));
        URI apiUrl;
        try {
            apiUrl = URI.create(api.endsWith("/") ? api.substring(0, api.length() - 1) : api);
            if (apiUrl.getHost() == null || !List.of("http", "https").contains(apiUrl.getScheme())) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    "MESHPILOT_SLACK_API_URL '" + api + "' is not valid (" + e.getMessage()
                            + "); e.g. https://slack.com/api");
        }
        String workspace = text(c, "workspace", null);
        int max = c == null || !c.has("maxBodyBytes")
                ? 64 * 1024
                : c.get("maxBodyBytes").asInt(-1);
        return new ChatSettings(
                blankToNull(env.get(secretEnv)),
                blankToNull(env.get(tokenEnv)),
                apiUrl,
                hosts,
                text(c, "readOnlyPrincipal", null),
                workspace == null ? null : Path.of(workspace),
                text(c, "channel", null),
                max,
                c != null && c.path("matchEmail").asBoolean(false),
                fileHosts);
    }

    private static List<String> hosts(String commaSeparated) {
        List<String> hosts = new ArrayList<>();
        for (String h : commaSeparated.split(",")) {
            if (!h.isBlank()) {
                hosts.add(h.strip().toLowerCase(Locale.ROOT));
            }
        }
        return hosts;
    }

    private static String text(JsonNode section, String key, String fallback) {
        JsonNode n = section == null ? null : section.get(key);
        return n == null || n.isNull() || n.asText().isBlank()
                ? fallback
                : n.asText().strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The settings without the secrets' values. */
    @Override
    public String toString() {
        return "ChatSettings[signingSecret=" + (enabled() ? "(set)" : "(none)") + ", botToken="
                + (botToken == null ? "(none)" : "(set)") + ", apiUrl=" + apiUrl + ", responseHosts=" + responseHosts
                + ", readOnlyPrincipal=" + readOnlyPrincipal + ", workspace=" + workspace + ", channel=" + channel
                + ", maxBodyBytes=" + maxBodyBytes + ", matchEmail=" + matchEmail + ", fileHosts=" + fileHosts + "]";
    }
}
