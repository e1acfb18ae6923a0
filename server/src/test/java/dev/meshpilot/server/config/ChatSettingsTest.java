package dev.meshpilot.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.MeshpilotException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void should_be_off_without_a_signing_secret_and_default_to_slacks_hosts() {
        ChatSettings s = ChatSettings.load(null, Map.of());
        assertThat(s.enabled()).isFalse();
        assertThat(s.apiUrl()).isEqualTo(URI.create("https://slack.com/api"));
        assertThat(s.responseHosts()).containsExactly("hooks.slack.com");
    }

    @Test
    void should_read_secrets_from_the_variables_the_file_names_and_never_print_them() throws Exception {
        Path file = Files.writeString(
                tmp.resolve("c.yaml"),
                "chat:\n  signingSecretEnv: MY_SIGNING\n  botTokenEnv: MY_TOKEN\n  channel: \"#alerts\"\n"
                        + "  matchEmail: true\n");
        ChatSettings s = ChatSettings.load(
                file,
                Map.of(
                        "MY_SIGNING", "s3cr3t-signing",
                        "MY_TOKEN", "xoxb-s3cr3t",
                        "SLACK_SIGNING_SECRET", "not-this-one",
                        "MESHPILOT_SLACK_API_URL", "http://127.0.0.1:9999/api/",
                        "MESHPILOT_SLACK_RESPONSE_HOSTS", "proxy.internal, 127.0.0.1:9999"));

        assertThat(s.signingSecret()).isEqualTo("s3cr3t-signing");
        assertThat(s.botToken()).isEqualTo("xoxb-s3cr3t");
        assertThat(s.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/api"));
        assertThat(s.responseHosts()).containsExactly("proxy.internal", "127.0.0.1:9999");
        assertThat(s.channel()).isEqualTo("#alerts");
        assertThat(s.matchEmail()).isTrue();
        assertThat(s.toString()).doesNotContain("s3cr3t").contains("(set)");
    }

    @Test
    void should_name_the_field_when_the_chat_section_is_wrong() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.yaml"), "chat:\n  signingSecret: inline-secret\n");
        assertThatThrownBy(() -> ChatSettings.load(file, Map.of()))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("chat.signingSecret")
                .hasMessageContaining("signingSecretEnv");
        assertThatThrownBy(() -> ChatSettings.load(null, Map.of("MESHPILOT_SLACK_API_URL", "ftp://x")))
                .hasMessageContaining("MESHPILOT_SLACK_API_URL");
        assertThat(ConfigLoader.load(Files.writeString(tmp.resolve("ok.yaml"), "chat:\n  channel: x\n"), Map.of()))
                .isNotNull();
        assertThat(List.of(new ChatSettings(null, null, ChatSettings.DEFAULT_API, List.of(), null, null, null, 4096)))
                .allMatch(c -> !c.enabled());
    }
}
