package dev.meshpilot.sandbox.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlPolicyTest {
    @Test
    void should_compare_names_without_case_when_checking_tables_and_columns() {
        SqlPolicy policy = SqlPolicy.denyAll().allow("Customers", "EMAIL", "phone");

        assertThat(policy.mayRead("CUSTOMERS")).isTrue();
        assertThat(policy.masked("customers")).containsExactly("email", "phone");
        assertThat(policy.mayRead("orders")).isFalse();
        assertThat(policy.masked("orders")).isEmpty();
    }

    @Test
    void should_replace_the_entry_when_a_table_is_allowed_again() {
        SqlPolicy policy = SqlPolicy.denyAll().allow("customers", "email").allow("CUSTOMERS");

        assertThat(policy.tables()).containsOnlyKeys("customers");
        assertThat(policy.masked("customers")).isEmpty();
    }

    @Test
    void should_refuse_the_policy_when_a_name_is_not_a_plain_identifier() {
        assertThatThrownBy(() -> SqlPolicy.denyAll().allow("main.customers"))
                .hasMessageContaining("'main.customers' is not a plain identifier");
        assertThatThrownBy(() -> SqlPolicy.denyAll().allow("customers", "e-mail"))
                .hasMessageContaining("'e-mail'");
        assertThatThrownBy(() -> SqlPolicy.denyAll().allow("sqlite_schema"))
                .hasMessageContaining("system table sqlite_schema cannot be granted");
        assertThatThrownBy(() -> new SqlPolicy(Map.of("a", Set.of(), "A", Set.of())))
                .hasMessageContaining("listed twice");
    }
}
