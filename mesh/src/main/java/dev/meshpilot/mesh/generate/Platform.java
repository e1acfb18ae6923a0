package dev.meshpilot.mesh.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a domain keeps its products: how a product's output port is named in OpenLineage terms (dataset
 * naming conventions of each platform), the matching ODCS {@code servers[]} entry, physical column types,
 * and which orchestrator runs its jobs.
 */
enum Platform {
    BIGQUERY("bigquery", "AIRFLOW", "TASK", "airflow"),
    SNOWFLAKE("snowflake", "DBT", "MODEL", "dbt"),
    POSTGRES("postgres", "AIRFLOW", "TASK", "airflow"),
    S3("s3", "SPARK", "JOB", "spark");

    static final String ORG = "acme";

    private final String serverType;
    private final String integration;
    private final String jobType;
    private final String jobNamespace;

    Platform(String serverType, String integration, String jobType, String jobNamespace) {
        this.serverType = serverType;
        this.integration = integration;
        this.jobType = jobType;
        this.jobNamespace = jobNamespace;
    }

    /** Picks a platform: mostly warehouses, some lake. */
    static Platform draw(Rng rng) {
        double u = rng.nextDouble();
        return u < 0.4 ? BIGQUERY : u < 0.7 ? SNOWFLAKE : u < 0.9 ? POSTGRES : S3;
    }

    String integration() {
        return integration;
    }

    String jobType() {
        return jobType;
    }

    String jobNamespace() {
        return jobNamespace;
    }

    /** The OpenLineage dataset namespace of a product in {@code domain}. */
    String namespace(String domain) {
        return switch (this) {
            case BIGQUERY -> "bigquery";
            case SNOWFLAKE -> "snowflake://" + ORG + "-prod";
            case POSTGRES -> "postgres://warehouse." + ORG + ".internal:5432";
            case S3 -> "s3://" + ORG + "-lake-" + Names.dashed(domain);
        };
    }

    /** The OpenLineage dataset name of product {@code name} in {@code domain}. */
    String datasetName(String domain, String name) {
        return switch (this) {
            case BIGQUERY -> ORG + "-prod." + domain + "." + name;
            case SNOWFLAKE -> "analytics." + domain + "." + name;
            case POSTGRES -> "warehouse." + domain + "." + name;
            case S3 -> "curated/" + name;
        };
    }

    String label() {
        return switch (this) {
            case BIGQUERY -> "BigQuery";
            case SNOWFLAKE -> "Snowflake";
            case POSTGRES -> "PostgreSQL";
            case S3 -> "S3";
        };
    }

    String portDescription() {
        return this == S3 ? "Parquet files on S3" : label() + " table";
    }

    /** The ODCS v3.1.0 {@code servers[]} entry for a product (each type's required fields set). */
    Map<String, Object> server(String domain, String name) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("server", serverType + "-prod");
        s.put("type", serverType);
        s.put("environment", "prod");
        switch (this) {
            case BIGQUERY -> {
                s.put("project", ORG + "-prod");
                s.put("dataset", domain);
            }
            case SNOWFLAKE -> {
                s.put("account", ORG + "-prod");
                s.put("database", "analytics");
                s.put("schema", domain);
            }
            case POSTGRES -> {
                s.put("host", "warehouse." + ORG + ".internal");
                s.put("port", 5432);
                s.put("database", "warehouse");
                s.put("schema", domain);
            }
            case S3 -> {
                s.put("location", namespace(domain) + "/" + datasetName(domain, name) + "/");
                s.put("format", "parquet");
            }
        }
        return s;
    }

    /** The physical type this platform uses for an ODCS logical type. */
    String physicalType(String logicalType) {
        int col = ordinal();
        return switch (logicalType) {
            case "string" -> new String[] {"STRING", "VARCHAR", "varchar(255)", "string"}[col];
            case "integer" -> new String[] {"INT64", "NUMBER(38,0)", "bigint", "int64"}[col];
            case "number" -> new String[] {"NUMERIC", "NUMBER(18,2)", "numeric(18,2)", "decimal(18,2)"}[col];
            case "timestamp" -> new String[] {"TIMESTAMP", "TIMESTAMP_NTZ", "timestamptz", "timestamp"}[col];
            case "date" -> new String[] {"DATE", "DATE", "date", "date"}[col];
            case "boolean" -> new String[] {"BOOL", "BOOLEAN", "boolean", "boolean"}[col];
            default -> throw new IllegalArgumentException("no physical type for " + logicalType);
        };
    }
}
