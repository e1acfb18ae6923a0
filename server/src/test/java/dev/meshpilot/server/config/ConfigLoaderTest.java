package dev.meshpilot.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
