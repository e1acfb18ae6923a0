package dev.meshpilot.sandbox.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit log's behaviour in PostgreSQL, and what only its recorded head adds. */
class AuditLogPostgresTest extends AuditLogBehaviour {
    static PostgresSchema schema;

    @BeforeAll
    static void schema() {
        schema = PostgresSchema.create("audit_log_test");
    }

    @AfterAll
    static void drop() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    AuditEngine freshEngine() throws Exception {
        schema.reset();
        return new AuditEngine.Postgres(schema.target());
    }

    @Test
    void should_open_the_log_in_postgresql_when_the_store_url_names_it_and_apply_its_migration_once() throws Exception {
        PostgresTarget t = schema.target();
        Map<String, String> env = Map.of(
                "MESHPILOT_STORE_URL",
                t.url(),
                "MESHPILOT_STORE_USER",
                t.user(),
                "MESHPILOT_STORE_PASSWORD",
                t.password());
        try (AuditLog log = AuditLog.forHome(Path.of("/nonexistent-home"), env)) {
            assertThat(log.file()).isNull();
            assertThat(log.location()).isEqualTo(t.url());
            assertThat(log.append(entry("bob", "t", "ok")).seq()).isEqualTo(11);
        }
        try (Connection c = AuditEngine.Postgres.connect(t);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_schema_migration")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(PostgresMigrations.ALL.size());
        }
    }

    @Test
    void should_apply_the_migration_once_when_replicas_start_at_once() throws Exception {
        schema.reset();
        List<Future<AuditLog>> opened = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                opened.add(pool.submit(() -> engine.open()));
            }
        }
        for (Future<AuditLog> f : opened) {
            try (AuditLog log = f.get()) {
                log.append(entry("bob", "t", "ok"));
            }
        }

        assertThat(verify()).isEqualTo(new VerifyResult(4, null, null));
        try (Connection c = AuditEngine.Postgres.connect(schema.target());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_schema_migration")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(PostgresMigrations.ALL.size());
        }
    }

    @Test
    void should_say_to_create_the_schema_when_the_url_names_one_that_does_not_exist() {
        PostgresTarget t = schema.target();
        PostgresTarget missing = new PostgresTarget(t.url() + "_missing", t.user(), t.password());

        assertThatThrownBy(() -> AuditLog.open(missing))
                .hasMessageContaining("the schema the URL's currentSchema names does not exist (CREATE SCHEMA it");
    }

    @Test
    void should_find_the_end_cut_off_by_a_process_that_never_wrote_to_the_log() throws Exception {
        engine.sql("DELETE FROM {t} WHERE seq > 8");

        assertThat(verify().problem())
                .isEqualTo("records 9 to 10 were committed but are gone: the log was truncated at the end");
    }

    @Test
    void should_refuse_to_continue_a_chain_whose_head_no_longer_matches_its_newest_record() throws Exception {
        try (AuditLog log = engine.open()) {
            engine.sql("UPDATE audit_head SET seq = 9");

            assertThatThrownBy(() -> log.append(entry("bob", "t", "ok")))
                    .hasMessageContaining("its head (table audit_head) is record 9 but the newest record is 10");
            assertThat(log.verify().problem()).contains("record 10 is past the chain's head");
        }
    }

    @Test
    void should_open_a_new_connection_when_the_writers_was_cut_between_appends() throws Exception {
        try (AuditLog log = engine.open()) {
            log.append(entry("bob", "t", "ok"));
            try (Connection c = AuditEngine.Postgres.connect(schema.target());
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                            + "WHERE application_name = 'meshpilot-audit' AND usename = current_user")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }

            assertThat(log.append(entry("bob", "t", "ok")).seq()).isEqualTo(12);
            assertThat(log.verify().checked()).isEqualTo(12);
        }
    }

    @Test
    void should_find_a_deleted_head() throws Exception {
        engine.sql("DELETE FROM audit_head");

        assertThat(verify().problem()).isEqualTo("the chain's head (table audit_head) is gone: deleted");
    }

    @Test
    void should_store_and_chain_a_nul_character_as_a_replacement_character() {
        try (AuditLog log = engine.open()) {
            AuditRecord r = log.append(new AuditEntry(
                    Instant.EPOCH, "a\u0000b", null, null, "t", null, "ok", "bad\u0000reason", 0, 0, null));

            assertThat(r.entry().principal()).isEqualTo("a\ufffdb");
            assertThat(log.tail(null, "t", 1)).containsExactly(r);
            assertThat(log.verify().valid()).isTrue();
        }
    }
}
