package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reads one RunEvent from a JSON tree: the core fields and the datasets; facets go to the facet readers.
 * Required: {@code eventTime} (with offset), {@code run.runId} (a UUID), {@code job.namespace}, {@code job.name},
 * and {@code namespace}/{@code name} of every dataset. Lenient: {@code schemaURL} and {@code producer} may be
 * absent, {@code eventType} absent means {@link EventType#OTHER}.
 */
final class EventReader {
    private static final String TIME_HINT = "an ISO-8601 date-time with an offset, e.g. 2026-11-25T09:00:00Z";

    private EventReader() {}

    /** The event, or {@code null} when problems were recorded. {@code path} prefixes every field path. */
    static RunEvent read(JsonNode node, String path, List<EventProblem> problems) {
        int before = problems.size();
        Cursor c = new Cursor(node, path, problems);
        if (!c.isObject("a JSON object (an OpenLineage RunEvent)")) {
            return null;
        }
        EventType type = eventType(c);
        Instant time = eventTime(c);
        String producer = c.text("producer", false);
        String schemaUrl = c.text("schemaURL", false);
        Run run = run(c);
        Job job = job(c);
        List<Dataset> inputs = datasets(c, "inputs", "inputFacets");
        List<Dataset> outputs = datasets(c, "outputs", "outputFacets");
        if (problems.size() != before) {
            return null;
        }
        return new RunEvent(type, time, producer, schemaUrl, run, job, inputs, outputs, Json.canonical(node));
    }

    private static EventType eventType(Cursor c) {
        String text = c.text("eventType", false);
        if (text == null) {
            return EventType.OTHER;
        }
        try {
            return EventType.valueOf(text);
        } catch (IllegalArgumentException e) {
            c.get("eventType")
                    .problem("expected one of "
                            + Arrays.toString(EventType.values()).replaceAll("[\\[\\]]", "") + ", got "
                            + FieldPath.describe(c.get("eventType").node()));
            return null;
        }
    }

    private static Instant eventTime(Cursor c) {
        Cursor at = c.get("eventTime");
        if (!at.present()) {
            at.problem("missing (" + TIME_HINT + " is required)");
            return null;
        }
        String text = c.text("eventTime", true);
        if (text == null) {
            return null;
        }
        try {
            Instant time = ZonedDateTime.parse(text).toInstant();
            if (time.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                    || time.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                at.problem("year out of range (0001..9999), got " + FieldPath.describe(at.node()));
                return null;
            }
            return time;
        } catch (DateTimeParseException e) {
            at.problem("expected " + TIME_HINT + ", got " + FieldPath.describe(at.node()));
            return null;
        }
    }

    private static Run run(Cursor c) {
        boolean other = c.get("dataset").present();
        Cursor run = c.object("run", true, other ? "a run (only RunEvents are accepted, not DatasetEvents)" : "a run");
        if (run == null) {
            return null;
        }
        UUID id = run.uuid("runId");
        RunFacets facets = RunFacetReader.read(run.object("facets", false, "an object"));
        return id == null || facets == null ? null : new Run(id, facets);
    }

    private static Job job(Cursor c) {
        Cursor job = c.object("job", true, "a job with namespace and name");
        if (job == null) {
            return null;
        }
        String namespace = job.name("namespace");
        String name = job.name("name");
        JobFacets facets = FacetContainer.jobFacets(job.object("facets", false, "an object"));
        return namespace == null || name == null || facets == null ? null : new Job(namespace, name, facets);
    }

    private static List<Dataset> datasets(Cursor c, String key, String ioKey) {
        List<Dataset> datasets = new ArrayList<>();
        for (Cursor d : c.array(key, false, "an array")) {
            if (!d.isObject("a dataset (an object with namespace and name)")) {
                continue;
            }
            String namespace = d.name("namespace");
            String name = d.name("name");
            DatasetFacets facets =
                    DatasetFacetReader.read(d.object("facets", false, ""), DatasetFacetReader.Kind.DATASET);
            DatasetFacetReader.Kind kind =
                    key.equals("inputs") ? DatasetFacetReader.Kind.INPUT : DatasetFacetReader.Kind.OUTPUT;
            DatasetFacets io = DatasetFacetReader.read(d.object(ioKey, false, ""), kind);
            if (namespace != null && name != null && facets != null && io != null) {
                datasets.add(new Dataset(namespace, name, facets, io));
            }
        }
        return datasets;
    }
}
