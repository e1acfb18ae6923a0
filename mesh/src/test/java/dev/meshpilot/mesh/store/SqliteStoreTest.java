package dev.meshpilot.mesh.store;

import java.nio.file.Path;

/** The store suite ({@link StoreSuite}, {@link StoreLeaseSuite}) on a SQLite file, the default engine. */
class SqliteStoreTest extends StoreLeaseSuite {
    @Override
    StoreLocation freshLocation(Path home) {
        return StoreLocation.sqlite(home.resolve("meshpilot.db"));
    }
}
