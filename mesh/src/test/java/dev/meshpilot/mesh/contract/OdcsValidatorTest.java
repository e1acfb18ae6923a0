package dev.meshpilot.mesh.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Meshpilot's own ODCS rules on inline contracts: needs no shared standards folder. */
class OdcsValidatorTest {
    private static final String HEAD = """
            apiVersion: v3.1.0
            kind: DataContract
            id: sales.orders
            version: 1.0.0
            status: active
            """;

    @Test
    void should_accept_a_contract_when_it_uses_the_common_fields() {
        assertThat(validate(HEAD + """
                name: Orders
                domain: sales
                description: {purpose: Every order, usage: Reporting}
                team: {name: sales-data, members: [{username: alice, role: owner, dateIn: "2024-01-02"}]}
                support: [{channel: "#sales-data", tool: slack}]
                roles: [{role: analyst, access: read}]
                slaProperties: [{property: latency, value: 4, unit: h}, {property: retention, value: 3, unit: y}]
                servers: [{server: wh, type: postgres, host: db, port: 5432, database: dw, schema: sales}]
                tags: [orders]
                customProperties: [{property: tier, value: gold}]
                schema:
                  - name: orders
                    physicalType: table
                    properties:
                      - name: order_id
                        logicalType: string
                        required: true
                        primaryKey: true
                        logicalTypeOptions: {maxLength: 36}
                        quality: [{metric: nullValues, mustBe: 0, dimension: completeness}]
                      - name: lines
                        logicalType: array
                        items: {logicalType: object, properties: [{name: sku, logicalType: string}]}
                    quality:
                      - {type: sql, query: "SELECT COUNT(*) FROM orders", mustBeGreaterThan: 0}
                      - {type: text, description: Orders are final after 30 days}
                contractCreatedTs: "2024-05-01T08:00:00Z"
                """)).isEmpty();
    }

    @Test
    void should_name_each_missing_required_field_when_the_head_is_incomplete() {
        assertThat(validate("apiVersion: v3.1.0\nname: x\n"))
                .extracting(OdcsValidator.Violation::field, OdcsValidator.Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("kind", "required field is missing"),
                        org.assertj.core.groups.Tuple.tuple("id", "required field is missing"),
                        org.assertj.core.groups.Tuple.tuple("version", "required field is missing"),
                        org.assertj.core.groups.Tuple.tuple("status", "required field is missing"));
    }

    @Test
    void should_list_the_supported_versions_when_apiVersion_is_not_one() {
        assertThat(messages(HEAD.replace("v3.1.0", "v3.2.0")))
                .containsExactly("apiVersion: 'v3.2.0' is not one of v3.0.0, v3.0.1, v3.0.2, v3.1.0");
        assertThat(messages(HEAD.replace("v3.1.0", "v2.2.2")))
                .containsExactly(
                        "apiVersion: 'v2.2.2' is not supported: Meshpilot reads ODCS v3 contracts (valid: v3.0.0, v3.0.1, v3.0.2, v3.1.0)");
    }

    @Test
    void should_refuse_wrong_kinds_and_types_when_the_head_is_mistyped() {
        assertThat(messages(HEAD.replace("DataContract", "DataProduct").replace("1.0.0", "1.0")))
                .containsExactly(
                        "kind: 'DataProduct' is not one of DataContract", "version: expected text, got 1.0 (a number)");
    }

    @Test
    void should_list_the_valid_fields_when_a_top_level_field_is_unknown() {
        assertThat(messages(HEAD + "owner: alice\n"))
                .singleElement()
                .asString()
                .startsWith("owner: unknown field (valid: apiVersion, kind, id, version, status, name,");
    }

    @Test
    void should_point_at_the_property_when_it_has_no_name_or_a_bad_logical_type() {
        List<OdcsValidator.Violation> v = validate(HEAD + """
                schema:
                  - name: orders
                    properties:
                      - logicalType: varchar
                """);

        assertThat(v)
                .extracting(OdcsValidator.Violation::pointer)
                .containsExactly("/schema/0/properties/0/name", "/schema/0/properties/0/logicalType");
        assertThat(v.get(1).message())
                .isEqualTo(
                        "'varchar' is not one of string, date, timestamp, time, number, integer, object, array, boolean");
        assertThat(v.get(1).field()).isEqualTo("schema[0].properties[0].logicalType");
    }

    @Test
    void should_check_logical_type_options_against_the_logical_type() {
        assertThat(messages(HEAD + """
                schema:
                  - name: t
                    properties:
                      - {name: a, logicalType: string, logicalTypeOptions: {precision: 2}}
                      - {name: b, logicalType: integer, logicalTypeOptions: {format: f32}}
                      - {name: c, logicalTypeOptions: {maxLength: 2}}
                      - {name: d, logicalType: string, items: {logicalType: string}}
                """))
                .containsExactly(
                        "schema[0].properties[0].logicalTypeOptions.precision: unknown field (valid: minLength, maxLength, pattern, format)",
                        "schema[0].properties[1].logicalTypeOptions.format: 'f32' is not one of i8, i16, i32, i64, i128, u8, u16, u32, u64, u128",
                        "schema[0].properties[2].logicalTypeOptions.maxLength: set the property's logicalType to use logicalTypeOptions",
                        "schema[0].properties[3].items: only a property with logicalType: array has items");
    }

    @Test
    void should_explain_quality_rules_when_type_dimension_metric_or_operators_are_wrong() {
        assertThat(messages(HEAD + """
                schema:
                  - name: t
                    quality:
                      - {type: regex, mustBe: 0}
                      - {metric: nullCount, dimension: freshness, mustBe: 0}
                      - {metric: rowCount}
                      - {metric: rowCount, mustBeGreaterThan: 1, mustBeLessThan: 9}
                      - {metric: rowCount, mustBeGreaterThan: ten}
                      - {type: sql, mustBe: 0}
                      - {type: custom, engine: soda}
                """))
                .contains(
                        "schema[0].quality[0].type: 'regex' is not one of text, library, sql, custom",
                        "schema[0].quality[1].dimension: 'freshness' is not one of accuracy, completeness, conformity, consistency, coverage, timeliness, uniqueness",
                        "schema[0].quality[1].metric: 'nullCount' is not one of nullValues, missingValues, invalidValues, duplicateValues, rowCount",
                        "schema[0].quality[2]: a library or sql rule needs one operator (valid: mustBe, mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan, mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween)",
                        "schema[0].quality[3].mustBeLessThan: only one operator per rule, found mustBeGreaterThan and mustBeLessThan (for a range use mustBeBetween: [low, high])",
                        "schema[0].quality[4].mustBeGreaterThan: expected a number, got 'ten'",
                        "schema[0].quality[5].query: required field is missing",
                        "schema[0].quality[6].implementation: required field is missing");
        assertThat(messages(HEAD + "schema: [{name: t, quality: [{type: regex, mustBe: 0}]}]\n"))
                .anySatisfy(m -> assertThat(m).startsWith("schema[0].quality[0].mustBe: unknown field (valid: id,"));
    }

    @Test
    void should_check_server_fields_by_server_type() {
        assertThat(messages(HEAD + """
                servers:
                  - {server: a, type: postgres9}
                  - {server: b, type: postgres, host: db, port: "5432", database: dw}
                  - {server: c, type: kafka, host: k, database: orders}
                """))
                .contains(
                        "servers[0].type: 'postgres9' is not one of api, athena, azure, bigquery, clickhouse, databricks,"
                                + " denodo, dremio, duckdb, glue, cloudsql, db2, hive, impala, informix, kafka, kinesis, local,"
                                + " mysql, oracle, postgresql, postgres, presto, pubsub, redshift, s3, sftp, snowflake, sqlserver,"
                                + " synapse, trino, vertica, zen, custom",
                        "servers[1].schema: required field is missing",
                        "servers[1].port: expected a whole number, got '5432'")
                .anySatisfy(m -> assertThat(m).startsWith("servers[2].database: unknown field (valid: id, server,"));
    }

    @Test
    void should_check_sla_roles_team_support_and_relationships() {
        assertThat(messages(HEAD + """
                slaProperties: [{property: latency}, {property: retention, value: [3]}]
                roles: [{access: read}]
                team: my-team
                support: [{tool: slack}]
                price: {priceAmount: ten}
                description: Orders of the shop
                schema:
                  - name: t
                    properties:
                      - name: a
                        relationships: [{from: t.a, to: "not a ref!"}]
                contractCreatedTs: yesterday
                """))
                .contains(
                        "slaProperties[0].value: required field is missing",
                        "slaProperties[1].value: expected a single value (text, a number or true/false), got a list",
                        "roles[0].role: required field is missing",
                        "team: expected a team (a mapping with members) or a list of members, got 'my-team'",
                        "support[0].channel: required field is missing",
                        "price.priceAmount: expected a number, got 'ten'",
                        "description: expected a mapping, got 'Orders of the shop'",
                        "schema[0].properties[0].relationships[0].from: not allowed on a property (the property itself is the 'from' side)",
                        "schema[0].properties[0].relationships[0].to: 'not a ref!' is not a reference (expected object.property or schema/<object id>/properties/<property id>)",
                        "contractCreatedTs: 'yesterday' is not a timestamp (expected e.g. 2024-05-01T08:00:00Z, with a time zone)");
    }

    @Test
    void should_accept_both_reference_notations() {
        assertThat(OdcsRelationships.isReference("orders.order_id")).isTrue();
        assertThat(OdcsRelationships.isReference("schema/orders_tbl/properties/order-id"))
                .isTrue();
        assertThat(OdcsRelationships.isReference("https://x.org/c/other.yaml#/schema/t/properties/p"))
                .isTrue();
        assertThat(OdcsRelationships.isReference("orders")).isFalse();
        assertThat(OdcsRelationships.isReference("schema/orders_tbl/properties"))
                .isFalse();
        assertThat(OdcsRelationships.isReference("other.json#schema/t/properties/p"))
                .isFalse();
    }

    @Test
    void should_refuse_a_document_when_it_is_not_a_mapping() {
        assertThat(validate("- a\n- b\n"))
                .extracting(OdcsValidator.Violation::message)
                .containsExactly("expected an ODCS data contract (a mapping), got a list");
    }

    static List<OdcsValidator.Violation> validate(String yaml) {
        return OdcsValidator.validate(yaml(yaml));
    }

    static JsonNode yaml(String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> messages(String yaml) {
        return validate(yaml).stream().map(v -> v.field() + ": " + v.message()).toList();
    }
}
