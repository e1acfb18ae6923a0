package dev.meshpilot.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.Dialect;
import dev.meshpilot.mesh.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file's {@code store:} section and how it combines with {@code $MESHPILOT_STORE_URL}. */
class StoreSettingsTest {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/meshpilot";

    @TempDir
    Path tmp;

    @Test
    void should_keep_the_sqlite_file_in_the_home_when_nothing_names_a_store() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.yaml"), "server:\n  port: 9000\n");
        StoreLocation where = StoreLocation.resolve(tmp.resolve("meshpilot.db"), StoreSettings.url(file), Map.of());

        assertThat(where.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(where.file()).isEqualTo(tmp.resolve("meshpilot.db"));
        assertThat(StoreSettings.url(null)).isNull();
    }

    @Test
    void should_use_store_url_with_credentials_from_the_environment_which_also_wins_over_the_url() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.yaml"), "store:\n  url: " + URL + "\n");
        Map<String, String> env = Map.of("MESHPILOT_STORE_USER", "mp", "MESHPILOT_STORE_PASSWORD", "secret");

        StoreLocation fromFile = StoreLocation.resolve(tmp.resolve("meshpilot.db"), StoreSettings.url(file), env);
        assertThat(fromFile.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(fromFile.url()).isEqualTo(URL);
        assertThat(fromFile.user()).isEqualTo("mp");
        assertThat(fromFile.toString()).doesNotContain("secret");

        StoreLocation fromEnv = StoreLocation.resolve(
                tmp.resolve("meshpilot.db"),
                StoreSettings.url(file),
                Map.of("MESHPILOT_STORE_URL", "jdbc:postgresql://db:5432/other"));
        assertThat(fromEnv.url()).isEqualTo("jdbc:postgresql://db:5432/other");
    }

    @Test
    void should_refuse_credentials_in_the_file_and_say_which_variables_hold_them() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.yaml"), "store:\n  url: " + URL + "\n  password: x\n");

        assertThatThrownBy(() -> StoreSettings.url(file))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("store.password")
                .hasMessageContaining("MESHPILOT_STORE_PASSWORD");
    }

    @Test
    void should_refuse_a_url_that_is_not_postgresql_naming_the_field() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.yaml"), "store:\n  url: mysql://db/x\n");

        assertThatThrownBy(() -> StoreSettings.url(file))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("store.url")
                .hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> StoreLocation.resolve(
                        tmp.resolve("m.db"), null, Map.of("MESHPILOT_STORE_URL", "jdbc:mysql://db/x")))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("$MESHPILOT_STORE_URL");
    }

    @Test
    void should_accept_the_store_section_alongside_the_server_settings() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.yaml"), "server:\n  port: 9000\nstore:\n  url: " + URL + "\n");

        assertThat(ConfigLoader.load(file, Map.of()).port()).isEqualTo(9000);
    }
}
