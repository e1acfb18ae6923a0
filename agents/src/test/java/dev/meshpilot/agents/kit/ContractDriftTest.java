package dev.meshpilot.agents.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.tools.catalog.ContractView;
import dev.meshpilot.tools.observed.ObservedSchemaView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Breaking differences between a contract and the observed table. */
class ContractDriftTest {
    static ContractView.Property column(String name, String logical, String physical) {
        return new ContractView.Property(name, logical, physical, true, false, false, null, false, null, null);
    }

    static ContractView contract(ContractView.Property... columns) {
        return new ContractView(
                "c",
                "1.0.0",
                "active",
                true,
                List.of("1.0.0"),
                "p.q",
                "c",
                null,
                List.of(new ContractView.SchemaObjectView("t", null, null, List.of(columns), List.of())),
                List.of());
    }

    static ObservedSchemaView observed(String... nameAndType) {
        List<ObservedSchemaView.Column> cols = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndType.length; i += 2) {
            cols.add(new ObservedSchemaView.Column(nameAndType[i], nameAndType[i + 1]));
        }
        return new ObservedSchemaView("p.q", Instant.EPOCH, cols, null);
    }

    @Test
    void should_report_a_renamed_column_as_missing_and_name_the_undeclared_one_when_a_column_was_renamed() {
        List<ContractDrift.Change> changes = ContractDrift.of(
                contract(column("id", "string", "STRING"), column("amount", "number", "NUMERIC")),
                observed("id", "STRING", "amount_usd", "NUMERIC"));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.column()).isEqualTo("amount");
            assertThat(c.kind()).isEqualTo("missing");
            assertThat(c.describe()).contains("amount_usd");
        });
    }

    @Test
    void should_report_a_number_read_as_text_when_the_observed_type_is_a_string() {
        assertThat(ContractDrift.of(
                        contract(column("orders", "integer", "INT64"), column("note", "string", "VARCHAR(10)")),
                        observed("orders", "STRING", "note", "VARCHAR(200)")))
                .extracting(ContractDrift.Change::column, ContractDrift.Change::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orders", "retyped"));
    }

    @Test
    void should_find_nothing_when_only_undeclared_columns_were_added_or_nothing_was_observed() {
        ContractView c = contract(column("id", "string", "STRING"));
        assertThat(ContractDrift.of(c, observed("id", "STRING", "extra", "INT64")))
                .isEmpty();
        assertThat(ContractDrift.of(c, observed())).isEmpty();
    }
}
