package dev.meshpilot.sandbox.principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    static final Resource PROFILE = Resource.product("customers", "customers.profile");
    static final Resource ORDERS = Resource.product("sales", "sales.orders");

    static Principal with(ScopeGrant... grants) {
        return Principal.withGrants("ana", Principal.Kind.USER, List.of(grants));
    }

    @Test
    void should_allow_a_product_limited_grant_on_that_product_only() {
        Principal ana = with(new ScopeGrant(Scope.PII_READ, List.of(), List.of("customers.profile")));

        assertThat(AccessPolicy.check(ana, Scope.PII_READ, PROFILE).allowed()).isTrue();
        assertThat(AccessPolicy.check(ana, Scope.PII_READ, Resource.product("customers", "customers.360"))
                        .allowed())
                .isFalse();
        assertThat(AccessPolicy.check(ana, Scope.PII_READ, Resource.domain("customers"))
                        .allowed())
                .isFalse();
        assertThat(AccessPolicy.check(ana, Scope.PII_READ, Resource.MESH).allowed())
                .isFalse();
    }

    @Test
    void should_allow_a_domain_limited_grant_on_the_domain_and_its_products() {
        Principal ana = with(new ScopeGrant(Scope.SQL_READ, List.of("customers"), List.of()));

        assertThat(AccessPolicy.check(ana, Scope.SQL_READ, PROFILE).allowed()).isTrue();
        assertThat(AccessPolicy.check(ana, Scope.SQL_READ, Resource.domain("customers"))
                        .allowed())
                .isTrue();
        assertThat(AccessPolicy.check(ana, Scope.SQL_READ, ORDERS).allowed()).isFalse();
        assertThat(AccessPolicy.check(ana, Scope.SQL_READ, Resource.MESH).allowed())
                .isFalse();
    }

    @Test
    void should_allow_a_mesh_wide_grant_everywhere_but_only_for_its_scope() {
        Principal ana = with(ScopeGrant.everywhere(Scope.CATALOG_READ));

        assertThat(AccessPolicy.check(ana, Scope.CATALOG_READ, Resource.MESH).allowed())
                .isTrue();
        assertThat(AccessPolicy.check(ana, Scope.CATALOG_READ, ORDERS).allowed())
                .isTrue();
        assertThat(AccessPolicy.check(ana, Scope.LINEAGE_READ, ORDERS).allowed())
                .isFalse();
    }

    @Test
    void should_combine_the_grants_of_every_role() {
        Principal ana = new Principal(
                "ana",
                Principal.Kind.SERVICE,
                List.of(
                        new Role("reader", List.of(ScopeGrant.everywhere(Scope.CATALOG_READ))),
                        new Role("steward", List.of(new ScopeGrant(Scope.PII_READ, List.of("customers"), List.of())))));

        assertThat(AccessPolicy.check(ana, Scope.PII_READ, PROFILE).reason())
                .isEqualTo("ana holds pii:read on domains customers");
    }

    @Test
    void should_explain_a_denial_with_who_what_where_and_the_grants_held() {
        Principal ana = with(
                new ScopeGrant(Scope.SQL_READ, List.of("customers", "sales"), List.of("payments.refunds")),
                ScopeGrant.everywhere(Scope.CATALOG_READ));

        Decision d = AccessPolicy.check(ana, Scope.PII_READ, PROFILE);

        assertThat(d.allowed()).isFalse();
        assertThat(d.reason())
                .isEqualTo(
                        "ana lacks pii:read on product customers.profile (holds: sql:read on domains customers, sales; "
                                + "products payments.refunds, catalog:read)");
        assertThat(AccessPolicy.check(with(), Scope.SQL_READ, ORDERS).reason()).endsWith("(holds: no grants)");
    }

    @Test
    void should_parse_scopes_by_wire_name_and_list_the_valid_ones_otherwise() {
        assertThat(Scope.parse("notify:chat")).isEqualTo(Scope.NOTIFY_CHAT);
        assertThat(Scope.values()).hasSize(16);
        assertThatThrownBy(() -> Scope.parse("sql:write"))
                .hasMessageStartingWith("unknown scope 'sql:write'; known scopes: catalog:read, lineage:read,")
                .hasMessageEndingWith("drift:run, notify:chat");
    }

    @Test
    void should_refuse_a_product_resource_without_its_domain() {
        assertThatThrownBy(() -> new Resource(null, "sales.orders")).hasMessageContaining("needs its domain");
        assertThatThrownBy(() -> new ScopeGrant(Scope.SQL_READ, List.of(" "), List.of()))
                .hasMessageContaining("blank");
    }
}
