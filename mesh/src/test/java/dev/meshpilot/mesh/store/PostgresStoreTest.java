package dev.meshpilot.mesh.store;

import java.nio.file.Path;

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
}
