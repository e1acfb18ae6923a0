package dev.meshpilot.mesh.generate;

import dev.meshpilot.mesh.incident.ErrorClass;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of failure the synthetic mesh suffers, by the runbook error classes of the workspace format:
 * how a failed run reports it, how a past incident describes it, and the runbook that handles it. In
 * messages, {@code %1$s} is the product's dataset and {@code %2$s} a column or upstream dataset.
 */
enum Failure {
    SCHEMA_MISMATCH(
            "Upstream schema mismatch",
            "Database Error in model %1$s: column \"%2$s\" does not exist",
            "An upstream product renamed a column without a new contract version",
            "Restored the column under its old name and announced the rename as a 2.0.0 contract",
            List.of(
                    "Compare the observed schema with the contract",
                    "Find the upstream change in lineage",
                    "Ask the upstream owner for a compatibility view or a contract bump")),
    UPSTREAM_LATE(
            "Upstream data late",
            "Sensor timed out after 3600s waiting for %2$s to be refreshed for %1$s",
            "An upstream product did not publish on time",
            "Re-ran after the upstream product recovered",
            List.of(
                    "Find the failed or late upstream run in lineage",
                    "Wait for or fix the upstream run",
                    "Re-run this job; do not backfill by hand")),
    DUPLICATE_KEYS(
            "Duplicate keys",
            "Assertion failed on %1$s: duplicateValues(%2$s) = 1843, expected 0",
            "A retried load appended a batch twice",
            "Deduplicated on the key and made the load idempotent",
            List.of("Count duplicates per load batch", "Delete the duplicate batch", "Make the load a MERGE")),
    NULL_EXPLOSION(
            "Null explosion",
            "Assertion failed on %1$s: nullValues(%2$s) = 41.7%%, expected at most 1%%",
            "A source system shipped a release that left a required field empty",
            "Backfilled the field from the source once fixed",
            List.of(
                    "Check the null rate per source system",
                    "Quarantine the affected partition",
                    "Backfill once the source is fixed")),
    INFRASTRUCTURE(
            "Infrastructure failure",
            "Job for %1$s lost its executor: container killed after exceeding memory limits (%2$s)",
            "The cluster ran out of memory during a peak load",
            "Raised the memory limit and re-ran the job",
            List.of("Check cluster health and quotas", "Re-run the job", "Raise limits if it repeats")),
    PERMISSIONS(
            "Permissions error",
            "Access Denied: table %2$s: service account lacks SELECT, writing %1$s",
            "A grant was revoked during an access review",
            "Restored the service account grant through the access request process",
            List.of(
                    "Read the denied principal and table from the error",
                    "Check observed grants",
                    "Request the grant through the access process; never grant by hand"));

    private static final List<Failure> OWN =
            List.of(SCHEMA_MISMATCH, DUPLICATE_KEYS, NULL_EXPLOSION, INFRASTRUCTURE, PERMISSIONS);

    private final String title;
    private final String message;
    private final String rootCause;
    private final String resolution;
    private final List<String> steps;

    Failure(String title, String message, String rootCause, String resolution, List<String> steps) {
        this.title = title;
        this.message = message;
        this.rootCause = rootCause;
        this.resolution = resolution;
        this.steps = steps;
    }

    /** The error class this failure is (each failure is named after its class). */
    ErrorClass errorClass() {
        return ErrorClass.valueOf(name());
    }

    /** The error class as the workspace writes it, e.g. {@code schema_mismatch}. */
    String wireName() {
        return errorClass().wireName();
    }

    String title() {
        return title;
    }

    private String message(String dataset, String detail) {
        return String.format(Locale.ROOT, message, dataset, detail);
    }

    String rootCause() {
        return rootCause;
    }

    String resolution() {
        return resolution;
    }

    List<String> steps() {
        return steps;
    }

    /** A failure a run can have on its own (all but {@link #UPSTREAM_LATE}, which is caused upstream). */
    static Failure ownCause(Rng rng) {
        return rng.pick(OWN);
    }

    /**
     * The error message of a run of {@code product} failing this way; {@code upstream} is the dataset of
     * its primary input, or null for a source.
     */
    String describe(ProductPlan product, String upstream, Rng rng) {
        List<Column> columns = product.columns();
        String detail = switch (this) {
            case SCHEMA_MISMATCH, NULL_EXPLOSION ->
                columns.get(1 + rng.nextInt(columns.size() - 1)).name();
            case DUPLICATE_KEYS -> columns.get(0).name();
            case INFRASTRUCTURE -> rng.pick(List.of("8 GiB", "16 GiB", "32 GiB"));
            case UPSTREAM_LATE, PERMISSIONS -> upstream != null ? upstream : product.dataset();
        };
        return message(product.dataset(), detail);
    }
}
