package dev.meshpilot.mesh.contract;

import static dev.meshpilot.mesh.contract.Values.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ODCS servers: where the data lives. Each server type has its own connection fields, some required
 * (a {@code postgres} server needs host, port, database and schema; a {@code kafka} one only a host).
 * Locations are not checked as URLs (they often hold globs and placeholders), except that an {@code sftp}
 * location starts with {@code sftp://}.
 */
final class OdcsServerRules {
    /** The connection fields of each server type; a {@code *} marks a required one. */
    private static final String[][] TYPES = {
        {"api", "location*"},
        {"athena", "stagingDir* schema* catalog regionName"},
        {"azure", "location* format* delimiter"},
        {"bigquery", "project* dataset*"},
        {"clickhouse", "host* port* database*"},
        {"databricks", "host catalog* schema*"},
        {"denodo", "host* port* database"},
        {"dremio", "host* port* schema"},
        {"duckdb", "database* schema"},
        {"glue", "account* database* location format"},
        {"cloudsql", "host* port* database* schema*"},
        {"db2", "host* port* database* schema"},
        {"hive", "host* port database*"},
        {"impala", "host* port database*"},
        {"informix", "host* port database*"},
        {"kafka", "host* format"},
        {"kinesis", "region format"},
        {"local", "path* format*"},
        {"mysql", "host* port* database*"},
        {"oracle", "host* port* serviceName*"},
        {"postgresql", "host* port* database* schema*"},
        {"postgres", "host* port* database* schema*"},
        {"presto", "host* catalog schema"},
        {"pubsub", "project*"},
        {"redshift", "host database* schema* region account"},
        {"s3", "location* endpointUrl format delimiter"},
        {"sftp", "location* format delimiter"},
        {"snowflake", "host port account* database* schema* warehouse"},
        {"sqlserver", "host* port database* schema*"},
        {"synapse", "host* port* database*"},
        {"trino", "host* port* catalog* schema*"},
        {"vertica", "host* port* database* schema*"},
        {"zen", "host* port database*"},
        {
            "custom",
            "account catalog database dataset delimiter endpointUrl format host location path port project region"
                    + " regionName schema serviceName stagingDir warehouse stream"
        },
    };

    private static final Rule SFTP_URL = Values.textWhere(s -> s.startsWith("sftp://"), "is not an sftp:// URL");

    private static final Fields BASE = Fields.NONE
            .with("id", OdcsCommon.STABLE_ID)
            .require("server", TEXT)
            .require("type", Values.oneOf(names()))
            .with("description", TEXT)
            .with("environment", TEXT)
            .with("roles", Values.listOf(OdcsCommon.ROLE))
            .with("customProperties", OdcsCommon.CUSTOM_PROPERTIES);

    private static final Map<String, Fields> BY_TYPE = byType();

    /** One entry of {@code servers}. */
    static final Rule SERVER = (v, at, out) -> {
        JsonNode type = v.isObject() ? v.get("type") : null;
        Fields fields = type != null && type.isTextual() ? BY_TYPE.get(type.asText()) : null;
        // With an unknown type only the type is reported, not every connection field it would have taken.
        (fields == null ? BASE : fields).check(v, at, out, fields != null);
    };

    private OdcsServerRules() {}

    private static String[] names() {
        String[] names = new String[TYPES.length];
        for (int i = 0; i < TYPES.length; i++) {
            names[i] = TYPES[i][0];
        }
        return names;
    }

    private static Map<String, Fields> byType() {
        Map<String, Fields> map = new LinkedHashMap<>();
        for (String[] t : TYPES) {
            Fields fields = BASE;
            for (String f : t[1].split(" ")) {
                String name = f.replace("*", "");
                Rule rule = rule(t[0], name);
                fields = f.endsWith("*") ? fields.require(name, rule) : fields.with(name, rule);
            }
            map.put(t[0], fields);
        }
        return map;
    }

    private static Rule rule(String type, String field) {
        return switch (field) {
            case "port" -> Values.INTEGER;
            case "location" -> type.equals("sftp") ? SFTP_URL : TEXT;
            default -> TEXT;
        };
    }
}
