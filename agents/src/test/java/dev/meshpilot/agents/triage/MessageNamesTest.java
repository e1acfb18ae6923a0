package dev.meshpilot.agents.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A run message names an input by its id or by its qualified table, never by a bare word of prose. */
class MessageNamesTest {
    @Test
    void should_match_an_input_by_its_qualified_table_when_an_orchestrator_writes_the_dataset_name() {
        // Airflow sensor over a dbt dataset, and a warehouse's schema.table
        assertThat(TriagePlaybook.names(
                        "sensor timed out after 3600s waiting for curated/devices_by_channel to be refreshed",
                        "merchandising_01.devices_by_channel"))
                .isTrue();
        assertThat(TriagePlaybook.names(
                        "upstream table nwh.billing.claims has no partition for 2026-10-14", "billing.claims"))
                .isTrue();
        assertThat(TriagePlaybook.names("waiting for payments.transactions", "payments.transactions"))
                .isTrue();
    }

    @Test
    void should_not_match_a_bare_word_or_a_longer_identifier_when_the_message_names_something_else() {
        assertThat(TriagePlaybook.names("nothing was loaded for transactions yesterday", "payments.transactions"))
                .isFalse();
        assertThat(TriagePlaybook.names(
                        "waiting for curated/devices_by_channel_v2 to be refreshed",
                        "merchandising_01.devices_by_channel"))
                .isFalse();
        assertThat(TriagePlaybook.names("waiting for curated/claims_features", "billing.claims"))
                .isFalse();
    }
}
