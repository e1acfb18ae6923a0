package dev.meshpilot.mesh.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The store suite ({@link StoreSuite}, {@link StoreLeaseSuite}) on PostgreSQL, each test in a schema of its own
 * ({@link TestPostgres}); skipped with one line when no PostgreSQL is configured.
 */
class PostgresStoreTest extends StoreLeaseSuite {
    private String schema;

    @Override
    StoreLocation freshLocation(Path home) {
        schema = TestPostgres.freshSchema();
        return TestPostgres.location(schema, home);
    }

    @Override
    void cleanUp() {
        TestPostgres.drop(schema);
    }

    @Test
    void should_say_to_create_the_schema_when_the_url_names_one_that_does_not_exist() {
        StoreLocation missing = TestPostgres.location(schema + "_missing", home);

        assertThatThrownBy(() -> MeshStore.open(missing))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("CREATE SCHEMA")
                .extracting(e -> ((MeshpilotException) e).code())
                .isEqualTo(ErrorCode.STORE_FAILED);
    }
}
