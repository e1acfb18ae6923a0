package dev.meshpilot.sandbox.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Edits the audit table directly with plain JDBC; {@code verify} must name the first broken record, on every
 * engine (each engine's test class runs all of it against a fresh log of ten records).
 */
abstract class AuditTamperBehaviour extends AuditFixture {

    @Test
    void should_find_an_edited_record() throws Exception {
        engine.sql("UPDATE {t} SET decision = 'ok', principal = 'mallory' WHERE seq = 4");

        VerifyResult v = verify();
        assertThat(v).isEqualTo(new VerifyResult(3, 4L, "record 4 was edited: its hash does not match its content"));
    }

    @Test
    void should_find_a_deleted_record_in_the_middle() throws Exception {
        engine.sql("DELETE FROM {t} WHERE seq = 6");

        VerifyResult v = verify();
        assertThat(v.firstBrokenSeq()).isEqualTo(6);
        assertThat(v.problem()).isEqualTo("record 6 is missing (next is 7): deleted, or the log truncated");
    }

    @Test
    void should_find_the_table_truncated_in_the_middle_or_at_the_start() throws Exception {
        engine.sql("DELETE FROM {t} WHERE seq BETWEEN 4 AND 7");
        assertThat(verify().firstBrokenSeq()).isEqualTo(4);

        engine.sql("DELETE FROM {t} WHERE seq < 4");
        assertThat(verify().problem()).isEqualTo("record 1 is missing (next is 8): deleted, or the log truncated");
    }

    @Test
    void should_find_reordered_records() throws Exception {
        engine.sql("UPDATE {t} SET seq = -1 WHERE seq = 3");
        engine.sql("UPDATE {t} SET seq = 3 WHERE seq = 5");
        engine.sql("UPDATE {t} SET seq = 5 WHERE seq = -1");

        VerifyResult v = verify();
        assertThat(v.firstBrokenSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("does not follow record 2");
    }

    @Test
    void should_find_a_record_rewritten_with_a_recomputed_hash_of_its_own() throws Exception {
        String prev;
        try (AuditLog log = engine.open()) {
            prev = log.tail(null, null, 10).stream()
                    .filter(r -> r.seq() == 7)
                    .findFirst()
                    .orElseThrow()
                    .prevHash();
        }
        String forged = Chain.hash(7, prev, entry("mallory", "tool_0", "ok"));
        engine.sql("UPDATE {t} SET principal = 'mallory', tool = 'tool_0', hash = '" + forged + "' WHERE seq = 7");

        VerifyResult v = verify();
        assertThat(v.firstBrokenSeq()).isEqualTo(8);
        assertThat(v.problem()).contains("does not follow record 7");
    }

    @Test
    void should_find_a_field_split_with_a_separator_even_though_the_hashed_text_is_unchanged() throws Exception {
        // principal "alice" + agent "cli" hash as "alice<US>cli"; so would principal "alice<US>cli" + agent ""
        engine.sql("UPDATE {t} SET principal = 'alice\u001fcli', agent = '' WHERE seq = 2");

        assertThat(verify().firstBrokenSeq()).isEqualTo(2);
    }

    @Test
    void should_find_an_unreadable_record() throws Exception {
        engine.sql("UPDATE {t} SET time = 'yesterday' WHERE seq = 9");

        assertThat(verify().problem()).startsWith("record 9 is unreadable");
    }

    @Test
    void should_find_records_cut_off_the_end_while_the_log_is_open_and_refuse_to_continue_the_chain() throws Exception {
        try (AuditLog log = engine.open()) {
            log.append(entry("bob", "tool_0", "ok"));
            engine.sql("DELETE FROM {t} WHERE seq > 8");

            assertThat(log.verify().problem())
                    .isEqualTo("records 9 to 11 were committed but are gone: the log was truncated at the end");
            assertThatThrownBy(() -> log.append(entry("bob", "tool_0", "ok")))
                    .hasMessageContaining("the audit log was tampered with: record 11, committed earlier, is gone");
        }
    }

    @Test
    void should_refuse_to_continue_a_chain_whose_newest_record_was_replaced() throws Exception {
        try (AuditLog log = engine.open()) {
            engine.sql("UPDATE {t} SET hash = '" + "f".repeat(64) + "' WHERE seq = 10");

            assertThatThrownBy(() -> log.append(entry("bob", "tool_0", "ok")))
                    .hasMessageContaining("record 10, committed earlier, is changed");
        }
    }
}
