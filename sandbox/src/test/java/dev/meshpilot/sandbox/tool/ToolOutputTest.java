package dev.meshpilot.sandbox.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolOutputTest {
    static final List<Column> COLUMNS = List.of(
            Column.plain("id"),
            new Column("email", "customers", "customers.profile", "PII"),
            new Column("segment", "customers", "customers.profile", "public"),
            new Column("note", "customers", "customers.profile", "confidential"));

    @Test
    void should_describe_a_table_and_mark_its_protected_columns() {
        ToolOutput out =
                ToolOutput.table(COLUMNS, List.of(List.of(1, "ana@example.com", "gold", "vip")), List.of("note"));

        assertThat(out.status()).isEqualTo(ToolResult.Status.OK);
        assertThat(out.data().toString())
                .isEqualTo("{\"columns\":[{\"name\":\"id\",\"product\":null,\"classification\":null},"
                        + "{\"name\":\"email\",\"product\":\"customers.profile\",\"classification\":\"PII\"},"
                        + "{\"name\":\"segment\",\"product\":\"customers.profile\",\"classification\":\"public\"},"
                        + "{\"name\":\"note\",\"product\":\"customers.profile\",\"classification\":\"confidential\"}],"
                        + "\"rows\":[[1,\"ana@example.com\",\"gold\",\"vip\"]]}");
        assertThat(out.sensitive())
                .containsExactly(
                        new Sensitive("/rows/*/1", "customers", "customers.profile", "pii"),
                        new Sensitive("/rows/*/3", "customers", "customers.profile", "confidential"));
        assertThat(out.untrusted()).containsExactly("/rows/*/3");
    }

    @Test
    void should_refuse_a_row_that_does_not_fit_the_columns() {
        assertThatThrownBy(() -> ToolOutput.table(COLUMNS, List.of(List.of(1, "x")), List.of()))
                .hasMessageContaining("a row has 2 values for 4 columns");
    }

    @Test
    void should_protect_every_classification_but_public_and_internal() {
        assertThat(Sensitive.isProtected("pii")).isTrue();
        assertThat(Sensitive.isProtected("Restricted")).isTrue();
        assertThat(Sensitive.isProtected("secret")).isTrue();
        assertThat(Sensitive.isProtected("public")).isFalse();
        assertThat(Sensitive.isProtected("INTERNAL")).isFalse();
        assertThat(Sensitive.isProtected(null)).isFalse();
    }
}
