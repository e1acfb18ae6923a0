package dev.meshpilot.tools.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomPropertyDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.mesh.view.Nullable;

/**
 * Derives a tool's output JSON Schema (2020-12) from its result record, so the record is the one source of
 * truth: every component is required (but a {@link Nullable} one of a record that omits nulls), {@code @JsonPropertyDescription} gives the description,
 * {@link Nullable} allows null, {@link FreeText} allows the gate's fenced form. Objects allow unknown
 * properties, so a tool can grow a field without breaking a client that validates. Thread-safe.
 *
 * <pre>{@code
 * .outputSchema(OutputSchemas.of(RecentRuns.class))
 * }</pre>
 */
public final class OutputSchemas {
    private static final SchemaGenerator GENERATOR = generator();

    private OutputSchemas() {}

    /** The schema of {@code type}, a record. */
    public static ObjectNode of(Class<? extends Record> type) {
        return GENERATOR.generateSchema(type);
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder b = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // a value declared as it is written (a policy's rule): any JSON
        b.forTypesInGeneral()
                .withCustomDefinitionProvider((type, context) -> JsonNode.class.isAssignableFrom(type.getErasedType())
                        ? new CustomDefinition(
                                context.getGeneratorConfig().createObjectNode(),
                                CustomDefinition.DefinitionType.INLINE,
                                CustomDefinition.AttributeInclusion.YES)
                        : null);
        b.forFields()
                .withRequiredCheck(f -> !(f.getAnnotationConsideringFieldAndGetter(Nullable.class) != null
                        && (omitsNull(f.getDeclaringType().getErasedType().getAnnotation(JsonInclude.class))
                                || omitsNull(f.getAnnotationConsideringFieldAndGetter(JsonInclude.class)))))
                .withNullableCheck(f -> f.getAnnotationConsideringFieldAndGetter(Nullable.class) != null)
                .withCustomDefinitionProvider((field, context) -> {
                    if (field.getAnnotationConsideringFieldAndGetter(FreeText.class) == null) {
                        return null;
                    }
                    JsonPropertyDescription d =
                            field.getAnnotationConsideringFieldAndGetter(JsonPropertyDescription.class);
                    return new CustomPropertyDefinition(
                            Schema.text(d == null ? "Free text from the mesh." : d.value()),
                            CustomDefinition.AttributeInclusion.NO);
                });
        return new SchemaGenerator(b.build());
    }

    /** Whether a record or component leaves out nulls ({@code @JsonInclude(NON_NULL)}): such components are optional. */
    private static boolean omitsNull(JsonInclude include) {
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }
}
