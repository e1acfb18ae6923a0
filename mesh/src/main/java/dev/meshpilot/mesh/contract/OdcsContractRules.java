package dev.meshpilot.mesh.contract;

import static dev.meshpilot.mesh.contract.Values.SCALAR;
import static dev.meshpilot.mesh.contract.Values.TEXT;
import static dev.meshpilot.mesh.contract.Values.listOf;

import java.util.List;

/**
 * The top level of an ODCS v3 contract: its identity ({@code apiVersion}, {@code kind}, {@code id},
 * {@code version}, {@code status}), description, team, support channels, roles, service levels, price,
 * servers and schema. No other top-level field is allowed.
 */
final class OdcsContractRules {
    /** The ODCS versions Meshpilot reads; every one is checked by the v3.1.0 rules, which accept v3.0.x. */
    static final List<String> API_VERSIONS = List.of("v3.0.0", "v3.0.1", "v3.0.2", "v3.1.0");

    private static final Rule DESCRIPTION = Fields.NONE
            .with("usage", TEXT)
            .with("purpose", TEXT)
            .with("limitations", TEXT)
            .with("authoritativeDefinitions", OdcsCommon.AUTHORITATIVE_DEFINITIONS)
            .with("customProperties", OdcsCommon.CUSTOM_PROPERTIES)
            .open();

    private static final Rule MEMBER = Fields.NONE
            .with("id", OdcsCommon.STABLE_ID)
            .require("username", TEXT)
            .with("name", TEXT)
            .with("description", TEXT)
            .with("role", TEXT)
            .with("dateIn", OdcsCommon.DATE)
            .with("dateOut", OdcsCommon.DATE)
            .with("replacedByUsername", TEXT)
            .with("tags", OdcsCommon.TAGS)
            .with("customProperties", OdcsCommon.CUSTOM_PROPERTIES)
            .with("authoritativeDefinitions", OdcsCommon.AUTHORITATIVE_DEFINITIONS)
            .closed();

    private static final Rule TEAM_OBJECT = Fields.NONE
            .with("id", OdcsCommon.STABLE_ID)
            .with("name", TEXT)
            .with("description", TEXT)
            .with("members", listOf(MEMBER))
            .with("tags", OdcsCommon.TAGS)
            .with("customProperties", OdcsCommon.CUSTOM_PROPERTIES)
            .with("authoritativeDefinitions", OdcsCommon.AUTHORITATIVE_DEFINITIONS)
            .closed();

    /** {@code team:} is a team with {@code members} (v3.1.0) or, as before v3.1.0, the list of members. */
    private static final Rule TEAM = (v, at, out) -> {
        if (v.isArray()) {
            listOf(MEMBER).check(v, at, out);
        } else if (v.isObject()) {
            TEAM_OBJECT.check(v, at, out);
        } else {
            out.add(at, "expected a team (a mapping with members) or a list of members, got " + Values.describe(v));
        }
    };

    private static final Rule SUPPORT = listOf(Fields.NONE
            .with("id", OdcsCommon.STABLE_ID)
            .require("channel", TEXT)
            .with("url", TEXT)
            .with("description", TEXT)
            .with("tool", TEXT)
            .with("scope", TEXT)
            .with("invitationUrl", TEXT)
            .with("customProperties", OdcsCommon.CUSTOM_PROPERTIES)
            .closed());

    private static final Rule PRICE = Fields.NONE
            .with("id", OdcsCommon.STABLE_ID)
            .with("priceAmount", Values.NUMBER)
            .with("priceCurrency", TEXT)
            .with("priceUnit", TEXT)
            .closed();

    /** A service level: {@code property} (latency, retention, frequency...) and its {@code value}. */
    private static final Rule SLA = Fields.NONE
            .with("id", OdcsCommon.STABLE_ID)
            .require("property", TEXT)
            .require("value", SCALAR)
            .with("valueExt", SCALAR)
            .with("unit", TEXT)
            .with("element", TEXT)
            .with("driver", TEXT)
            .with("description", TEXT)
            .with("scheduler", TEXT)
            .with("schedule", TEXT)
            .closed();

    static final Rule CONTRACT = Fields.NONE
            .require("apiVersion", Values.oneOf(API_VERSIONS.toArray(String[]::new)))
            .require("kind", Values.oneOf("DataContract"))
            .require("id", TEXT)
            .require("version", TEXT)
            .require("status", TEXT)
            .with("name", TEXT)
            .with("tenant", TEXT)
            .with("domain", TEXT)
            .with("dataProduct", TEXT)
            .with("description", DESCRIPTION)
            .with("tags", OdcsCommon.TAGS)
            .with("team", TEAM)
            .with("support", SUPPORT)
            .with("roles", listOf(OdcsCommon.ROLE))
            .with("slaDefaultElement", TEXT)
            .with("slaProperties", listOf(SLA))
            .with("price", PRICE)
            .with("servers", listOf(OdcsServerRules.SERVER))
            .with("schema", listOf(OdcsSchemaRules.OBJECT))
            .with("authoritativeDefinitions", OdcsCommon.AUTHORITATIVE_DEFINITIONS)
            .with("customProperties", OdcsCommon.CUSTOM_PROPERTIES)
            .with("contractCreatedTs", OdcsCommon.DATE_TIME)
            .closed();

    private OdcsContractRules() {}
}
