package dev.meshpilot.mesh.openlineage;

import java.util.List;
import java.util.Objects;

/** The {@code dataQualityAssertions} facet: the checks run against a dataset and whether each passed. */
public record DataQualityAssertionsFacet(List<Assertion> assertions) {
    public DataQualityAssertionsFacet {
        assertions = List.copyOf(assertions);
    }

    /**
     * One check.
     *
     * @param assertion the check's name, e.g. {@code not_null}, {@code unique} (required)
     * @param success whether it passed (required)
     * @param column the column it checks, or {@code null} for a dataset-level check
     * @param severity e.g. {@code error}, or {@code null}
     * @param expected the expected value as text, or {@code null}
     * @param actual the observed value as text, or {@code null}
     */
    public record Assertion(
            String assertion, boolean success, String column, String severity, String expected, String actual) {
        public Assertion {
            Objects.requireNonNull(assertion, "assertion");
        }
    }
}
