package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One classified change between two versions of a contract: the rule that found it and its severity (after the
 * workspace's overrides), where ({@code customer_profile.birth_date.logicalType}), the old and new values as
 * text (null when absent), and a sentence. {@code object} and {@code property} name the table and column it
 * concerns (null for contract-level changes); a rename's {@code property} is the new name.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Change(
        String rule,
        Severity severity,
        String path,
        String oldValue,
        String newValue,
        String message,
        String object,
        String property) {
    public Change {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
