package dev.meshpilot.mesh.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CEL rules: checked once, evaluated per product over plain maps and lists. */
class CelRuleTest {
    static final Map<String, Object> PRODUCT = Map.of(
            "id",
            "finance.revenue_daily",
            "domain",
            "finance",
            "criticality",
            "critical",
            "slos",
            List.of("freshness"));

    static Map<String, Object> vars(List<Map<String, Object>> grants) {
        return Map.of("product", PRODUCT, "grants", grants, "columns", List.of(), "observed", List.of());
    }

    @Test
    void should_hold_or_not_when_the_expression_is_true_or_false_for_the_product() {
        CelRule rule = CelRule.compile("grants.all(g, g.principal in ['analyst', 'engineer'])")
                .rule()
                .orElseThrow();
        assertThat(rule.holds(vars(List.of(Map.of("principal", "analyst", "privilege", "SELECT")))))
                .isTrue();
        assertThat(rule.holds(vars(List.of(
                        Map.of("principal", "analyst", "privilege", "SELECT"),
                        Map.of("principal", "marketing-analyst", "privilege", "SELECT")))))
                .isFalse();
    }

    @Test
    void should_read_lists_inside_the_product_when_a_rule_uses_in() {
        CelRule rule = CelRule.compile("product.criticality != 'critical' || 'volume' in product.slos")
                .rule()
                .orElseThrow();
        assertThat(rule.holds(vars(List.of()))).isFalse();
    }

    @Test
    void should_give_the_position_when_a_variable_is_unknown() {
        CelRule.Error e = CelRule.compile("\n  grant.size() > 0").error().orElseThrow();
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.describe()).contains("undeclared reference to 'grant'").endsWith("(expression line 2, column 3)");
    }

    @Test
    void should_refuse_an_expression_that_is_not_a_bool() {
        assertThat(CelRule.compile("size(grants)").error()).isPresent();
    }

    @Test
    void should_say_which_rule_failed_when_evaluation_hits_a_missing_key() {
        CelRule rule = CelRule.compile("product.owner == 'x'").rule().orElseThrow();
        assertThatThrownBy(() -> rule.holds(vars(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("product.owner == 'x'");
    }
}
