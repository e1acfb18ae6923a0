package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.mesh.view.Nullable;
import java.util.List;

/** The result of {@code get_contract}: one version of an ODCS data contract, its schema objects, rules and SLA. */
public record ContractView(
        @JsonPropertyDescription("Contract id.") String id,
        @JsonPropertyDescription("This version.") String version,

        @JsonPropertyDescription("ODCS status, e.g. active, draft, deprecated.")
        String status,

        @JsonPropertyDescription("Whether this is the current version.")
        boolean current,

        @JsonPropertyDescription("Every version loaded, oldest first.")
        List<String> versions,

        @Nullable @JsonPropertyDescription("The product whose contract this is.")
        String product,

        @Nullable @JsonPropertyDescription("Contract name.") String name,

        @FreeText @JsonPropertyDescription("Purpose and usage (free text from the contract).")
        String description,

        @JsonPropertyDescription("Schema objects.") List<SchemaObjectView> objects,
        @JsonPropertyDescription("SLA properties.") List<Sla> sla,

        @Nullable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("The whole ODCS document as JSON, when asked for with document: true.")
        JsonNode document) {
    /** The compact view without the document. */
    public ContractView(
            String id,
            String version,
            String status,
            boolean current,
            List<String> versions,
            String product,
            String name,
            String description,
            List<SchemaObjectView> objects,
            List<Sla> sla) {
        this(id, version, status, current, versions, product, name, description, objects, sla, null);
    }

    public ContractView {
        versions = List.copyOf(versions);
        objects = List.copyOf(objects);
        sla = List.copyOf(sla);
    }

    /** A schema object (a table) with its columns, nested ones flattened as parent.child. */
    public record SchemaObjectView(
            @JsonPropertyDescription("Object (table) name.") String name,

            @Nullable @JsonPropertyDescription("Physical name.")
            String physicalName,

            @FreeText @JsonPropertyDescription("Object description.")
            String description,

            @JsonPropertyDescription("Columns.") List<Property> properties,

            @JsonPropertyDescription("Quality rules of the object.")
            List<Rule> quality) {}

    /** A column. */
    public record Property(
            @JsonPropertyDescription("Column name; nested ones as parent.child.")
            String name,

            @Nullable @JsonPropertyDescription("ODCS logical type.")
            String logicalType,

            @Nullable @JsonPropertyDescription("Physical type.")
            String physicalType,

            @JsonPropertyDescription("Whether a value is required.")
            boolean required,

            @JsonPropertyDescription("Whether values are unique.")
            boolean unique,

            @JsonPropertyDescription("Whether it is (part of) the primary key.")
            boolean primaryKey,

            @Nullable @JsonPropertyDescription("e.g. pii, restricted, public.")
            String classification,

            @JsonPropertyDescription("Whether it is a critical data element.")
            boolean criticalDataElement,

            @FreeText @JsonPropertyDescription("Column description.")
            String description,

            @Nullable
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JsonPropertyDescription("Quality rules of the column, when it has any.")
            List<Rule> quality) {}

    /** A quality rule. */
    public record Rule(
            @Nullable @JsonPropertyDescription("Rule name.") String name,

            @Nullable @JsonPropertyDescription("library, sql, text or custom.")
            String type,

            @Nullable @JsonPropertyDescription("Library metric, e.g. nullValues.")
            String metric,

            @Nullable @JsonPropertyDescription("Quality dimension.")
            String dimension,

            @Nullable @JsonPropertyDescription("Severity.") String severity,

            @FreeText @JsonPropertyDescription("What it checks.")
            String description) {}

    /** An SLA property. */
    public record Sla(
            @Nullable @JsonPropertyDescription("e.g. latency, retention.")
            String property,

            @Nullable @JsonPropertyDescription("Its value.") String value,

            @Nullable @JsonPropertyDescription("Unit of the value.")
            String unit,

            @Nullable @JsonPropertyDescription("The element it applies to.")
            String element) {}
}
