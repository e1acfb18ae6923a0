package dev.meshpilot.agents.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.tools.lineage.UpstreamHop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A failing ancestor below another failure is an echo only when what it failed on flows downstream. */
class OwnRootTest {
    static UpstreamHop hop(String product, int depth, String via) {
        return new UpstreamHop(product, depth, via, product.substring(0, product.indexOf('.')), null, null, null);
    }

    // a retailer's chain: revenue <- refunds <- refunds_raw
    static final List<UpstreamHop> RETAIL =
            List.of(hop("payments.refunds", 1, null), hop("payments.refunds_raw", 2, "payments.refunds"));
    // a hospital's fan-in: ar_aging <- claims <- (charges, encounters)
    static final List<UpstreamHop> HOSPITAL = List.of(
            hop("billing.claims", 1, null),
            hop("billing.charges", 2, "billing.claims"),
            hop("clinical.encounters", 2, "billing.claims"));

    @Test
    void should_keep_a_job_of_its_own_kind_of_failure_as_a_root_when_a_failure_lies_above_it() {
        Map<String, ErrorClass> retail =
                Map.of("payments.refunds", ErrorClass.PERMISSIONS, "payments.refunds_raw", ErrorClass.INFRASTRUCTURE);
        assertThat(TriagePlaybook.ownRoot(
                        ErrorClass.PERMISSIONS, "payments.refunds", retail, RETAIL, "finance.revenue"))
                .isTrue();
        Map<String, ErrorClass> hospital =
                Map.of("billing.claims", ErrorClass.NULL_EXPLOSION, "billing.charges", ErrorClass.SCHEMA_MISMATCH);
        assertThat(TriagePlaybook.ownRoot(
                        ErrorClass.NULL_EXPLOSION, "billing.claims", hospital, HOSPITAL, "billing.ar_aging"))
                .isTrue();
    }

    @Test
    void should_treat_a_wait_or_the_same_bad_data_as_an_echo_when_a_failure_lies_above_it() {
        Map<String, ErrorClass> retail =
                Map.of("payments.refunds", ErrorClass.UPSTREAM_LATE, "payments.refunds_raw", ErrorClass.INFRASTRUCTURE);
        assertThat(TriagePlaybook.ownRoot(
                        ErrorClass.UPSTREAM_LATE, "payments.refunds", retail, RETAIL, "finance.revenue"))
                .isFalse();
        Map<String, ErrorClass> hospital =
                Map.of("billing.claims", ErrorClass.DUPLICATE_KEYS, "clinical.encounters", ErrorClass.DUPLICATE_KEYS);
        assertThat(TriagePlaybook.ownRoot(
                        ErrorClass.DUPLICATE_KEYS, "billing.claims", hospital, HOSPITAL, "billing.ar_aging"))
                .isFalse();
    }
}
