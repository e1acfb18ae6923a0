package dev.meshpilot.agents.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A run message names an input by its id or by its qualified table, never by a bare word of prose. */
class MessageNamesTest {
    @Test
    void should_match_an_input_by_its_qualified_table_when_an_orchestrator_writes_the_dataset_name() {
        // Airflow sensor over a dbt dataset, and a warehouse's schema.table
        assertThat(RunMessages.names(
                        "sensor timed out after 3600s waiting for curated/devices_by_channel to be refreshed",
                        "merchandising_01.devices_by_channel"))
                .isTrue();
        assertThat(RunMessages.names(
                        "upstream table nwh.billing.claims has no partition for 2026-10-14", "billing.claims"))
                .isTrue();
        assertThat(RunMessages.names("waiting for payments.transactions", "payments.transactions"))
                .isTrue();
    }

    @Test
    void should_not_match_a_bare_word_or_a_longer_identifier_when_the_message_names_something_else() {
        assertThat(RunMessages.names("nothing was loaded for transactions yesterday", "payments.transactions"))
                .isFalse();
        assertThat(RunMessages.names(
                        "waiting for curated/devices_by_channel_v2 to be refreshed",
                        "merchandising_01.devices_by_channel"))
                .isFalse();
        assertThat(RunMessages.names("waiting for curated/claims_features", "billing.claims"))
                .isFalse();
    }

    @Test
    void should_prefer_the_input_named_by_id_when_the_product_itself_shares_a_table_name_with_another_input() {
        String message = "Sensor timed out after 3600s waiting for acme-prod.mobile_01.payments_daily to be refreshed"
                + " for warehouse.billing_02.listings_dedup";
        List<String> known =
                List.of("billing_02.listings_dedup", "inventory_01.listings_dedup", "mobile_01.payments_daily");
        assertThat(RunMessages.namedIn(
                        message, List.of("inventory_01.listings_dedup", "mobile_01.payments_daily"), known))
                .contains("mobile_01.payments_daily");
        // the same table name in another product's id names nothing; a dataset path does
        assertThat(RunMessages.namedIn(
                        "waiting for warehouse.billing_02.listings_dedup",
                        List.of("inventory_01.listings_dedup"),
                        known))
                .isEmpty();
        assertThat(RunMessages.namedIn(
                        "waiting for curated/claims to be refreshed for nwh.billing.ar_aging",
                        List.of("billing.claims"),
                        List.of("billing.ar_aging", "billing.claims")))
                .contains("billing.claims");
    }
}
