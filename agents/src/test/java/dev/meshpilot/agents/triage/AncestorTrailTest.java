package dev.meshpilot.agents.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.agents.triage.TriageReport.Cause;
import dev.meshpilot.tools.lineage.UpstreamHop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Following the trail: after a sign of bad data, the signed product's own ancestors are read next. */
class AncestorTrailTest {
    static UpstreamHop hop(String product, int depth, String via) {
        return new UpstreamHop(product, depth, via, product.substring(0, product.indexOf('.')), null, null, null);
    }

    static Cause sign(String product, String cls) {
        return new Cause(product, cls, product + " shows it", 0.6, List.of("E1"));
    }

    @Test
    void should_read_the_ancestors_of_a_null_spike_before_its_siblings_when_the_fan_in_is_wide() {
        // a fan-in of three, the spike on the first input, its origin two hops above it
        List<UpstreamHop> hops = List.of(
                hop("a.one", 1, null),
                hop("b.two", 1, null),
                hop("c.three", 1, null),
                hop("a.up1", 2, "a.one"),
                hop("a.up2", 2, "a.one"),
                hop("b.up", 2, "b.two"),
                hop("c.up", 2, "c.three"),
                hop("a.origin", 3, "a.up1"));
        List<String> products = new ArrayList<>(List.of("s.start"));
        List<Integer> depths = new ArrayList<>(List.of(0));
        hops.forEach(h -> {
            products.add(h.product());
            depths.add(h.depth());
        });
        List<Cause> out = List.of(sign("a.one", "null_explosion"));

        assertThat(AncestorWalk.trail(products, depths, 2, hops, "s.start", out))
                .isTrue();

        assertThat(products.subList(2, products.size()))
                .containsExactly("a.up1", "a.up2", "a.origin", "b.two", "c.three", "b.up", "c.up");
        assertThat(depths.subList(2, depths.size())).containsExactly(2, 2, 3, 1, 1, 2, 2);
    }

    @Test
    void should_read_the_ancestors_of_a_volume_drop_first_and_leave_the_order_after_other_findings() {
        // a chain with side inputs, as a streaming service's sessions -> plays -> ads
        List<UpstreamHop> hops = List.of(
                hop("ads.impressions", 1, null),
                hop("plays.sessions", 1, null),
                hop("ads.campaigns", 2, "ads.impressions"),
                hop("plays.raw", 2, "plays.sessions"),
                hop("plays.device", 3, "plays.raw"));
        List<String> products = new ArrayList<>(List.of(
                "ads.revenue", "ads.impressions", "plays.sessions", "ads.campaigns", "plays.raw", "plays.device"));
        List<Integer> depths = new ArrayList<>(List.of(0, 1, 1, 2, 2, 3));

        // an infrastructure failure is not an echo: no reordering
        assertThat(AncestorWalk.trail(
                        products, depths, 2, hops, "ads.revenue", List.of(sign("ads.impressions", "infrastructure"))))
                .isFalse();
        assertThat(products)
                .containsExactly(
                        "ads.revenue",
                        "ads.impressions",
                        "plays.sessions",
                        "ads.campaigns",
                        "plays.raw",
                        "plays.device");

        // a volume drop on plays.sessions: plays.raw and plays.device come before ads.campaigns
        assertThat(AncestorWalk.trail(
                        products, depths, 3, hops, "ads.revenue", List.of(sign("plays.sessions", "upstream_late"))))
                .isTrue();
        assertThat(products.subList(3, products.size())).containsExactly("plays.raw", "plays.device", "ads.campaigns");
    }

    @Test
    void should_rank_the_origin_above_its_echoes_when_both_reached_the_likelihood_cap() {
        // a chain: the spike one hop up echoes the one two hops up, which loaded first
        List<UpstreamHop> chain = List.of(hop("a.echo", 1, null), hop("a.origin", 2, "a.echo"));
        List<Cause> ranked = AncestorWalk.earliestFirst(
                List.of(capped("a.echo"), capped("a.origin")),
                List.of(
                        java.time.Instant.parse("2026-11-24T10:27:00Z"),
                        java.time.Instant.parse("2026-11-24T10:01:00Z")),
                chain,
                "s.start");
        assertThat(ranked.get(1).likelihood()).isGreaterThan(ranked.get(0).likelihood());
        // two branches of a fan-in, neither above the other: the earlier load is the origin
        List<UpstreamHop> fanIn = List.of(hop("b.left", 1, null), hop("c.right", 1, null));
        ranked = AncestorWalk.earliestFirst(
                List.of(capped("b.left"), capped("c.right")),
                List.of(
                        java.time.Instant.parse("2026-03-02T09:00:00Z"),
                        java.time.Instant.parse("2026-03-02T08:00:00Z")),
                fanIn,
                "s.start");
        assertThat(ranked.get(1).likelihood()).isGreaterThan(ranked.get(0).likelihood());
    }

    static Cause capped(String product) {
        return new Cause(product, "null_explosion", product + " nulls", AncestorWalk.MAX, List.of("E1"));
    }
}
