package dev.meshpilot.sandbox.audit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL database to keep the audit log in: a JDBC URL ({@code jdbc:postgresql://host:port/db}, with
 * {@code ?currentSchema=...} to use a schema other than the user's default) and credentials. The log's tables
 * ({@code audit_entry}, {@code audit_head}, {@code audit_schema_migration}) are created there. Immutable; its
 * {@code toString} leaves the password out.
 *
 * <pre>{@code
 * PostgresTarget.fromEnv(System.getenv()).map(AuditLog::open).orElseGet(() -> AuditLog.open(home.resolve("audit.db")));
 * }</pre>
 */
public record PostgresTarget(String url, String user, String password) {
    public static final String URL_ENV = "MESHPILOT_STORE_URL";
    public static final String USER_ENV = "MESHPILOT_STORE_USER";
    public static final String PASSWORD_ENV = "MESHPILOT_STORE_PASSWORD";
    static final String PREFIX = "jdbc:postgresql:";

    public PostgresTarget {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a PostgreSQL JDBC URL starts with " + PREFIX + ", not: " + url);
        }
    }

    /** The target named by {@code MESHPILOT_STORE_URL} (with {@code _USER}, {@code _PASSWORD}) when it is PostgreSQL. */
    public static Optional<PostgresTarget> fromEnv(Map<String, String> env) {
        String url = env.get(URL_ENV);
        return url == null || !url.startsWith(PREFIX)
                ? Optional.empty()
                : Optional.of(new PostgresTarget(url, env.get(USER_ENV), env.get(PASSWORD_ENV)));
    }

    /** The URL without a {@code password=} parameter, for messages. */
    public String location() {
        return url.replaceAll("(?i)([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    @Override
    public String toString() {
        return location() + (user == null ? "" : " as " + user);
    }
}
