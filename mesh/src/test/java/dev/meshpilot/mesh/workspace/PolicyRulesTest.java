package dev.meshpilot.mesh.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.policy.Policies;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies with custom CEL rules and exceptions, as the loader reads and checks them. */
class PolicyRulesTest {
    @TempDir
    Path tmp;

    TestWorkspace ws;

    @BeforeEach
    void setUp() {
        ws = new TestWorkspace(tmp.resolve("ws"));
    }

    @Test
    void should_name_file_line_and_expression_position_when_a_cel_rule_does_not_type_check() {
        ws.write("policies/readers.yaml", """
                id: readers
                kind: custom
                appliesTo: {all: true}
                rule:
                  expression: "grants.all(g, g.principal == 'analyst') && grant.size() > 0"
                """);

        assertThat(WorkspaceLoader.check(ws.root))
                .extracting(Problem::toString)
                .singleElement()
                .asString()
                .startsWith("policies/readers.yaml:5: rule.expression: CEL: ")
                .contains("undeclared reference to 'grant'")
                .contains("column 44")
                .contains("variables: product, grants, columns, observed");
    }

    @Test
    void should_report_a_cel_syntax_error_and_a_non_bool_expression() {
        ws.write("policies/syntax.yaml", """
                id: syntax
                kind: custom
                appliesTo: {all: true}
                rule:
                  expression: "grants.all(g, g.principal == )"
                """);
        ws.write("policies/count.yaml", """
                id: count
                kind: custom
                appliesTo: {all: true}
                rule:
                  expression: "size(grants)"
                """);

        assertThat(WorkspaceLoader.check(ws.root))
                .extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("policies/syntax.yaml:5: rule.expression: CEL: "))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("policies/count.yaml:5: rule.expression: CEL: ")
                        .contains("bool"));
    }

    @Test
    void should_require_owner_reason_and_a_date_when_an_exception_is_declared() {
        ws.write("policies/owners.yaml", """
                id: owners
                kind: ownership
                appliesTo: {all: true}
                rule: {requireOwner: true}
                exceptions:
                  - product: sales.daily
                    reason: legacy
                    expires: someday
                """);

        assertThat(WorkspaceLoader.check(ws.root))
                .extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).contains("exceptions[0].owner").contains("required"))
                .anySatisfy(p -> assertThat(p).contains("exceptions[0].expires: 'someday' is not an ISO-8601 date"));
    }

    @Test
    void should_store_the_exceptions_and_the_rule_when_the_policies_are_valid() {
        ws.write("policies/owners.yaml", """
                id: owners
                kind: custom
                appliesTo: {all: true}
                rule:
                  expression: "grants.all(g, g.privilege == 'SELECT')"
                  subject: write-grants
                exceptions:
                  - product: sales.daily
                    subject: write-grants
                    owner: bob
                    reason: The loader writes through a role
                    expires: 2027-01-31
                """);
        MeshStore store = MeshStore.open(tmp.resolve("store.db"));
        WorkspaceLoader.load(ws.root, store, Progress.NONE);

        var policy = new Policies(store).get("owners").orElseThrow();
        assertThat(policy.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.covers("sales.daily", "write-grants")).isTrue();
            assertThat(e.covers("sales.daily", "other")).isFalse();
            assertThat(e.activeOn(LocalDate.parse("2027-01-31"))).isTrue();
            assertThat(e.activeOn(LocalDate.parse("2027-02-01"))).isFalse();
        });
        assertThat(policy.ruleJson()).contains("write-grants");
    }
}
