package dev.meshpilot.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.store.StoreLocation;
import java.nio.file.Path;

/**
 * The config file's {@code store:} section: {@code url}, the JDBC URL of a PostgreSQL store
 * ({@code jdbc:postgresql://host:5432/db}). {@code $MESHPILOT_STORE_URL} wins over it; the user name and the
 * password come only from {@code $MESHPILOT_STORE_USER} and {@code $MESHPILOT_STORE_PASSWORD}, never from the file.
 * No section (or no file) means the SQLite file in the home.
 */
public final class StoreSettings {
    private StoreSettings() {}

    /** {@code store.url} of {@code file}, or null. Fails with the file and field on anything else there. */
    public static String url(Path file) {
        if (file == null) {
            return null;
        }
        JsonNode store = ConfigLoader.read(file).get("store");
        if (store == null || store.isNull()) {
            return null;
        }
        if (!store.isObject()) {
            throw ConfigLoader.invalid(file, "store", "expected a mapping with url");
        }
        store.fieldNames().forEachRemaining(k -> {
            if (k.equals("user") || k.equals("password")) {
                throw ConfigLoader.invalid(
                        file,
                        "store." + k,
                        "credentials never go in the config file: set $" + StoreLocation.USER_ENV + " and $"
                                + StoreLocation.PASSWORD_ENV);
            }
            if (!k.equals("url")) {
                throw ConfigLoader.invalid(file, "store." + k, "unknown field (valid: url)");
            }
        });
        JsonNode url = store.get("url");
        if (url == null || url.isNull() || url.asText().isBlank()) {
            return null;
        }
        if (!url.isTextual() || !url.asText().startsWith("jdbc:postgresql:")) {
            throw ConfigLoader.invalid(
                    file, "store.url", "expected a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/meshpilot");
        }
        return url.asText();
    }
}
