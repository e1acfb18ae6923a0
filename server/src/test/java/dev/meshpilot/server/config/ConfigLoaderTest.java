package dev.meshpilot.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.gate.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void should_bind_loopback_on_8080_when_nothing_is_configured() {
        assertThat(ConfigLoader.load(null, Map.of())).isEqualTo(ServerConfig.DEFAULT);
    }

    @Test
    void should_let_the_environment_override_the_file() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.yaml"), "server:\n  port: 9000\n  maxBodyBytes: 2048\n");

        ServerConfig c = ConfigLoader.load(file, Map.of("MESHPILOT_SERVER_PORT", "9100"));

        assertThat(c.port()).isEqualTo(9100);
        assertThat(c.maxBodyBytes()).isEqualTo(2048);
        assertThat(c.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void should_let_the_environment_override_the_files_stdio_principal_as_every_setting() throws Exception {
        Path file = Files.writeString(tmp.resolve("mcp.yaml"), "mcp:\n  stdioPrincipal: bob\n");

        assertThat(ConfigLoader.load(file, Map.of()).mcp().stdioPrincipal()).isEqualTo("bob");
        assertThat(ConfigLoader.load(file, Map.of("MESHPILOT_MCP_PRINCIPAL", "alice"))
                        .mcp()
                        .stdioPrincipal())
                .isEqualTo("alice");
        assertThat(ConfigLoader.load(null, Map.of("MESHPILOT_MCP_PRINCIPAL", "alice"))
                        .mcp()
                        .stdioPrincipal())
                .isEqualTo("alice");
    }

    @Test
    void should_name_the_field_and_what_is_valid_when_config_is_wrong() throws Exception {
        Path typo = Files.writeString(tmp.resolve("typo.yaml"), "server:\n  prot: 9000\n");
        Path text = Files.writeString(tmp.resolve("text.yaml"), "server:\n  port: eighty\n");

        assertThatThrownBy(() -> ConfigLoader.load(typo, Map.of()))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("server.prot: unknown field (valid:");
        assertThatThrownBy(() -> ConfigLoader.load(text, Map.of()))
                .hasMessageContaining("server.port: expected a whole number, got 'eighty'");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("MESHPILOT_SERVER_PORT", "70000")))
                .hasMessageContaining("server.port must be 0..65535");
    }

    @Test
    void should_read_the_gate_limits_and_keep_the_defaults_for_fields_left_out() throws Exception {
        Path file = Files.writeString(
                tmp.resolve("gate.yaml"), "gate:\n  callsPerMinute: 100000\n  timeoutSeconds: 30\n  maxItems: 50\n");

        Limits gate = ConfigLoader.load(file, Map.of()).gate();

        assertThat(gate.maxCallsPerMinute()).isEqualTo(100_000);
        assertThat(gate.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(gate.maxItems()).isEqualTo(50);
        assertThat(gate.maxCallsPerRun()).isEqualTo(Limits.DEFAULT.maxCallsPerRun());
        assertThat(gate.maxBytes()).isEqualTo(Limits.DEFAULT.maxBytes());
        assertThat(ConfigLoader.load(null, Map.of()).gate()).isEqualTo(Limits.DEFAULT);
    }

    @Test
    void should_refuse_gate_limits_that_are_unknown_or_not_positive() throws Exception {
        Path typo = Files.writeString(tmp.resolve("typo.yaml"), "gate:\n  callsPerHour: 5\n");
        Path zero = Files.writeString(tmp.resolve("zero.yaml"), "gate:\n  callsPerRun: 0\n");
        Path small = Files.writeString(tmp.resolve("small.yaml"), "gate:\n  maxBytes: 100\n");

        assertThatThrownBy(() -> ConfigLoader.load(typo, Map.of()))
                .hasMessageContaining("gate.callsPerHour: unknown field (valid: callsPerRun, callsPerMinute");
        assertThatThrownBy(() -> ConfigLoader.load(zero, Map.of()))
                .hasMessageContaining("gate.callsPerRun: expected a whole number from 1 to");
        assertThatThrownBy(() -> ConfigLoader.load(small, Map.of()))
                .hasMessageContaining("gate.maxBytes: must be at least 256, got 100");
    }

    @Test
    void should_read_an_oauth_issuer_with_sub_as_the_default_principal_claim() throws Exception {
        Path file = Files.writeString(tmp.resolve("oauth.yaml"), """
                mcp:
                  oauth:
                    issuer: https://auth.example.com
                    jwksUrl: https://auth.example.com/.well-known/jwks.json
                    audience: https://mesh.example.com/mcp
                    requiredScope: meshpilot
                """);

        McpConfig.OAuth oauth = ConfigLoader.load(file, Map.of()).mcp().oauth();

        assertThat(oauth.issuer()).isEqualTo("https://auth.example.com");
        assertThat(oauth.jwksUrl()).hasToString("https://auth.example.com/.well-known/jwks.json");
        assertThat(oauth.audience()).hasToString("https://mesh.example.com/mcp");
        assertThat(oauth.principalClaim()).isEqualTo("sub");
        assertThat(oauth.requiredScope()).isEqualTo("meshpilot");
        assertThat(ConfigLoader.load(null, Map.of()).mcp().oauth()).isNull();
    }

    @Test
    void should_name_the_oauth_field_that_is_missing_unknown_or_not_a_url() throws Exception {
        Path noIssuer = Files.writeString(
                tmp.resolve("a.yaml"), "mcp:\n  oauth:\n    jwksUrl: https://a/j\n    audience: https://m/mcp\n");
        Path badUrl = Files.writeString(
                tmp.resolve("b.yaml"),
                "mcp:\n  oauth:\n    issuer: https://a\n    jwksUrl: file:///etc/keys\n    audience: https://m/mcp\n");
        Path typo = Files.writeString(tmp.resolve("c.yaml"), "mcp:\n  oauth:\n    issuer: https://a\n    jwks: x\n");

        assertThatThrownBy(() -> ConfigLoader.load(noIssuer, Map.of()))
                .hasMessageContaining("mcp.oauth.issuer: required");
        assertThatThrownBy(() -> ConfigLoader.load(badUrl, Map.of()))
                .hasMessageContaining("mcp.oauth.jwksUrl: expected an absolute http(s) URL, got 'file:///etc/keys'");
        assertThatThrownBy(() -> ConfigLoader.load(typo, Map.of()))
                .hasMessageContaining("mcp.oauth.jwks: unknown field (valid: issuer, jwksUrl, audience");
    }

    @Test
    void should_read_the_rest_anonymous_principal_when_the_server_binds_loopback() throws Exception {
        Path file = Files.writeString(tmp.resolve("rest.yaml"), "rest:\n  anonymousPrincipal: meshpilot-ingest\n");

        ServerConfig c = ConfigLoader.load(file, Map.of());

        assertThat(c.rest().anonymousPrincipal()).isEqualTo("meshpilot-ingest");
        assertThat(ConfigLoader.load(null, Map.of()).rest().anonymousPrincipal())
                .as("never implied")
                .isNull();
        for (String host : java.util.List.of("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost")) {
            assertThat(c.withHost(host).loopback()).as(host).isTrue();
        }
    }

    @Test
    void should_refuse_anonymous_access_naming_the_setting_when_the_server_binds_a_non_loopback_address()
            throws Exception {
        Path rest = Files.writeString(
                tmp.resolve("open.yaml"), "server:\n  host: 0.0.0.0\nrest:\n  anonymousPrincipal: meshpilot-ingest\n");
        Path mcp = Files.writeString(
                tmp.resolve("mcp.yaml"), "server:\n  host: 10.1.2.3\nmcp:\n  anonymousPrincipal: alice\n");
        Path loopback = Files.writeString(tmp.resolve("lo.yaml"), "rest:\n  anonymousPrincipal: meshpilot-ingest\n");

        assertThatThrownBy(() -> ConfigLoader.load(rest, Map.of()))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("open.yaml")
                .hasMessageContaining("rest.anonymousPrincipal (meshpilot-ingest) is allowed only when the server "
                        + "binds a loopback address")
                .hasMessageContaining("server.host is 0.0.0.0");
        assertThatThrownBy(() -> ConfigLoader.load(mcp, Map.of()))
                .hasMessageContaining("mcp.anonymousPrincipal (alice) is allowed only");
        assertThatThrownBy(() -> ConfigLoader.load(loopback, Map.of("MESHPILOT_SERVER_HOST", "0.0.0.0")))
                .hasMessageContaining("rest.anonymousPrincipal");
        // --host after the file: the same rule
        ServerConfig ok = ConfigLoader.load(loopback, Map.of());
        assertThatThrownBy(() -> ok.withHost("devbox.example.com")).hasMessageContaining("rest.anonymousPrincipal");
        assertThatThrownBy(() -> ConfigLoader.load(
                        Files.writeString(tmp.resolve("typo.yaml"), "rest:\n  anonymous: x\n"), Map.of()))
                .hasMessageContaining("rest.anonymous: unknown field (valid: anonymousPrincipal)");
    }
}
