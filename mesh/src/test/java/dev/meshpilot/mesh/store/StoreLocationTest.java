package dev.meshpilot.mesh.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing the store's engine, and the SQL rewriting the PostgreSQL driver needs; no database involved. */
class StoreLocationTest {
    @Test
    void should_pick_postgresql_only_when_a_url_is_set_with_credentials_from_the_environment() {
        Path file = Path.of("/home/x/meshpilot.db");

        assertThat(StoreLocation.resolve(file, null, Map.of()).dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(StoreLocation.resolve(file, " ", Map.of("MESHPILOT_STORE_URL", "")))
                .isEqualTo(StoreLocation.sqlite(file));
        StoreLocation pg = StoreLocation.resolve(
                file,
                null,
                Map.of(
                        "MESHPILOT_STORE_URL", "jdbc:postgresql://db:5432/m",
                        "MESHPILOT_STORE_USER", "u",
                        "MESHPILOT_STORE_PASSWORD", "hunter2"));
        assertThat(pg.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(pg.file()).isEqualTo(file);
        assertThat(pg.describe()).isEqualTo("jdbc:postgresql://db:5432/m");
        assertThat(pg.toString()).doesNotContain("hunter2");
    }

    @Test
    void should_fail_naming_the_url_and_the_variables_when_postgresql_does_not_answer() {
        StoreLocation nowhere = new StoreLocation(
                Path.of("/tmp/none/meshpilot.db"), "jdbc:postgresql://127.0.0.1:1/nowhere", "u", "secret");

        assertThatThrownBy(() -> MeshStore.open(nowhere))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nowhere")
                .hasMessageContaining("MESHPILOT_STORE_URL")
                .hasMessageNotContaining("secret")
                .extracting(e -> ((MeshpilotException) e).code())
                .isEqualTo(ErrorCode.STORE_FAILED);
    }

    @Test
    void should_rewrite_numbered_parameters_as_plain_ones_in_order_leaving_quoted_text_alone() {
        NumberedParameters p = NumberedParameters.of("SELECT ?1, '?2' WHERE ?2 > ?1 AND x = ?");

        assertThat(p.sql()).isEqualTo("SELECT ?, '?2' WHERE ? > ? AND x = ?");
        assertThat(p.arguments(new Object[] {"a", "b", "c"})).containsExactly("a", "b", "a", "c");
    }
}
