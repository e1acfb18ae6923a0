package dev.meshpilot.mesh.lineage;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.meshpilot.mesh.product.Slo;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.store.MeshStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run health of products as of an instant, read from the store: the latest run of the jobs that write a
 * product's output ports (its state as it was at {@code asOf}: a run that ended later was still running), the
 * latest successful end at or before {@code asOf}, and the product's freshness SLO target.
 *
 * @param lastRunState {@code NEW}, {@code RUNNING}, {@code COMPLETED}, {@code ABORTED}, {@code FAILED}; null
 *     when no run is known
 * @param lastRunAt when the latest run ended, else when it started
 * @param errorMessage the latest run's error message, when it failed
 * @param freshness the freshness SLO target, or null when the product declares none (or an unreadable one)
 */
record RunHealth(
        String lastRunState, Instant lastRunAt, String errorMessage, Instant lastSuccessAt, Duration freshness) {
    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int CHUNK = 500;
    private static final String RUNS = "SELECT p.product_id, r.state, r.started_at, r.ended_at, r.event_time, "
            + "r.error_message FROM product_port p JOIN lineage_edge e ON e.dataset_namespace = p.namespace "
            + "AND e.dataset_name = p.name AND e.direction = 'out' JOIN run r ON r.job_namespace = e.job_namespace "
            + "AND r.job_name = e.job_name WHERE p.product_id IN (<ids>) "
            + "AND coalesce(r.started_at, r.event_time) <= :asOf";

    /** Whether the latest run failed or was aborted. */
    boolean failed() {
        return "FAILED".equals(lastRunState) || "ABORTED".equals(lastRunState);
    }

    /** Whether the product is past its freshness target at {@code asOf} (never succeeded counts as late). */
    boolean late(Instant asOf) {
        return freshness != null
                && (lastSuccessAt == null
                        || Duration.between(lastSuccessAt, asOf).compareTo(freshness) > 0);
    }

    /** How far past its freshness target the product is; null when it is not late or never succeeded. */
    Duration lateBy(Instant asOf) {
        return late(asOf) && lastSuccessAt != null
                ? Duration.between(lastSuccessAt, asOf).minus(freshness)
                : null;
    }

    static Map<String, RunHealth> read(MeshStore store, List<String> productIds, Instant asOf) {
        Map<String, RunHealth> out = new HashMap<>();
        String at = STORED.format(asOf);
        for (int from = 0; from < productIds.size(); from += CHUNK) {
            List<String> chunk = productIds.subList(from, Math.min(productIds.size(), from + CHUNK));
            store.useHandle(h -> {
                Map<String, Duration> slos = new HashMap<>();
                h.createQuery("SELECT id, slos_json FROM product WHERE id IN (<ids>)")
                        .bindList("ids", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .forEach(e -> slos.put(e.getKey(), freshness(e.getValue())));
                Map<String, Latest> latest = new HashMap<>();
                h.createQuery(RUNS)
                        .bindList("ids", chunk)
                        .bind("asOf", at)
                        .map((rs, ctx) -> new RunRow(
                                rs.getString(1),
                                rs.getString(2),
                                time(rs.getString(3)),
                                time(rs.getString(4)),
                                time(rs.getString(5)),
                                rs.getString(6)))
                        .forEach(r -> latest.computeIfAbsent(r.productId(), k -> new Latest())
                                .add(r, asOf));
                for (String id : chunk) {
                    Latest l = latest.getOrDefault(id, new Latest());
                    RunRow last = l.last;
                    out.put(
                            id,
                            new RunHealth(
                                    last == null ? null : last.state,
                                    last == null ? null : last.at(),
                                    last == null ? null : last.error,
                                    l.success,
                                    slos.get(id)));
                }
            });
        }
        return out;
    }

    private static Duration freshness(String slosJson) {
        List<Slo> slos = Json.read(slosJson, new TypeReference<List<Slo>>() {});
        for (Slo slo : slos) {
            if ("freshness".equals(slo.kind())) {
                try {
                    return Duration.parse(slo.target());
                } catch (DateTimeParseException e) {
                    return null; // the workspace loader reports it; here the product simply has no target
                }
            }
        }
        return null;
    }

    private static Instant time(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** One run as stored. */
    private record RunRow(
            String productId, String state, Instant startedAt, Instant endedAt, Instant eventTime, String error) {
        Instant key() {
            return startedAt != null ? startedAt : endedAt != null ? endedAt : eventTime;
        }

        Instant at() {
            return endedAt != null ? endedAt : startedAt != null ? startedAt : eventTime;
        }

        /** This run as it stood at {@code asOf}: one that ended later was still running then. */
        RunRow asOf(Instant asOf) {
            if (endedAt != null && endedAt.isAfter(asOf)) {
                return new RunRow(productId, "RUNNING", startedAt, null, eventTime, null);
            }
            return this;
        }
    }

    /** The latest run and latest success of one product, folded over its runs. */
    private static final class Latest {
        RunRow last;
        Instant success;

        void add(RunRow stored, Instant asOf) {
            RunRow r = stored.asOf(asOf);
            if (last == null || r.key().isAfter(last.key())) {
                last = r;
            }
            if ("COMPLETED".equals(r.state) && r.endedAt != null && (success == null || r.endedAt.isAfter(success))) {
                success = r.endedAt;
            }
        }
    }
}
