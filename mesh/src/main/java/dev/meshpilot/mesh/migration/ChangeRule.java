package dev.meshpilot.mesh.migration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The named rules that classify a contract change, each with its default severity. A workspace policy of kind
 * {@code contract-change} overrides a severity by the rule's id ({@link RuleSettings}).
 */
public enum ChangeRule {
    PROPERTY_REMOVED("property-removed", Severity.BREAKING, "a property (column) is removed"),
    PROPERTY_RENAMED("property-renamed", Severity.BREAKING, "a property is renamed (detected or declared)"),
    PROPERTY_ADDED("property-added", Severity.COMPATIBLE, "an optional property is added"),
    REQUIRED_PROPERTY_ADDED(
            "required-property-added", Severity.BREAKING, "a required property is added without a default"),
    TYPE_CHANGED("type-changed", Severity.BREAKING, "the logical type changes"),
    TYPE_NARROWED(
            "type-narrowed",
            Severity.BREAKING,
            "the physical type or its options narrow (shorter length, smaller precision, new pattern, tighter range)"),
    TYPE_WIDENED("type-widened", Severity.COMPATIBLE, "the type widens (integer to number, longer length)"),
    PHYSICAL_TYPE_CHANGED("physical-type-changed", Severity.REVIEW, "the physical type changes, the logical one not"),
    OPTIONAL_TO_REQUIRED("optional-to-required", Severity.BREAKING, "an optional property becomes required"),
    REQUIRED_TO_OPTIONAL("required-to-optional", Severity.REVIEW, "a required property becomes optional"),
    ALLOWED_VALUE_REMOVED("allowed-value-removed", Severity.BREAKING, "an enum/allowed value is removed"),
    ALLOWED_VALUE_ADDED("allowed-value-added", Severity.REVIEW, "an enum/allowed value is added"),
    PRIMARY_KEY_CHANGED("primary-key-changed", Severity.BREAKING, "the primary key changes"),
    PARTITION_KEY_CHANGED("partition-key-changed", Severity.BREAKING, "the partition key changes"),
    UNIQUE_ADDED("unique-added", Severity.REVIEW, "uniqueness is added (existing data may violate it)"),
    UNIQUE_REMOVED("unique-removed", Severity.REVIEW, "uniqueness is no longer promised"),
    QUALITY_TIGHTENED("quality-tightened", Severity.REVIEW, "a quality rule's threshold tightens"),
    QUALITY_ADDED("quality-added", Severity.REVIEW, "a quality rule is added"),
    QUALITY_REMOVED("quality-removed", Severity.REVIEW, "a quality rule is removed or loosened"),
    SLA_TIGHTENED("sla-tightened", Severity.REVIEW, "an SLA or freshness promise tightens"),
    SLA_LOOSENED("sla-loosened", Severity.BREAKING, "an SLA or freshness promise loosens or is removed"),
    CLASSIFICATION_RAISED(
            "classification-raised",
            Severity.BREAKING,
            "a classification rises (e.g. becomes pii): readers may lose access"),
    CLASSIFICATION_LOWERED("classification-lowered", Severity.REVIEW, "a classification is lowered"),
    RETENTION_SHORTENED("retention-shortened", Severity.BREAKING, "retention is shortened"),
    RETENTION_LENGTHENED("retention-lengthened", Severity.REVIEW, "retention is lengthened"),
    STATUS_DEPRECATED("status-deprecated", Severity.REVIEW, "the contract's status becomes deprecated"),
    STATUS_RETIRED("status-retired", Severity.BREAKING, "the contract's status becomes retired"),
    OBJECT_REMOVED("object-removed", Severity.BREAKING, "a schema object (table) is removed"),
    OBJECT_ADDED("object-added", Severity.COMPATIBLE, "a schema object (table) is added"),
    DESCRIPTION_CHANGED("description-changed", Severity.COMPATIBLE, "a description or business name changes"),
    VERSION_NOT_BUMPED(
            "version-not-bumped", Severity.BREAKING, "the new version is not bumped as much as the changes require");

    private final String id;
    private final Severity defaultSeverity;
    private final String what;

    ChangeRule(String id, Severity defaultSeverity, String what) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.what = what;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** What the rule detects, for docs and reports. */
    public String what() {
        return what;
    }

    public static Optional<ChangeRule> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ChangeRule::id).toList();
    }
}
