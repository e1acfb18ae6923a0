package dev.meshpilot.mesh.openlineage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One OpenLineage RunEvent (spec 2-0-2), validated. Read one with {@link RunEventParser} or
 * {@link RunEventFiles}.
 *
 * @param eventType the transition; {@link EventType#OTHER} when the event has none
 * @param eventTime when it happened
 * @param producer the producer URI, or {@code null}: some real producers omit it (see docs/openlineage.md)
 * @param schemaUrl the {@code schemaURL}, or {@code null}: the dbt integration omits it
 * @param run the run and its facets
 * @param job the job and its facets
 * @param inputs the datasets read, with their {@code facets} and {@code inputFacets}
 * @param outputs the datasets written, with their {@code facets} and {@code outputFacets}
 * @param json the whole event as canonical JSON (keys sorted, no insignificant whitespace): what is stored and
 *     what {@link #digest()} hashes, so the same event sent twice, however formatted, is one event
 */
public record RunEvent(
        EventType eventType,
        Instant eventTime,
        String producer,
        String schemaUrl,
        Run run,
        Job job,
        List<Dataset> inputs,
        List<Dataset> outputs,
        String json) {
    public RunEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(job, "job");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(json, "json");
    }

    /** The SHA-256 of {@link #json()}, as 64 lowercase hex digits: the event's identity in the store. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
