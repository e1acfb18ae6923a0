package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates OpenLineage RunEvents (spec 2-0-2) from JSON text, e.g. the body of
 * {@code POST /api/v1/lineage}.
 *
 * <pre>{@code
 * RunEvent event = RunEventParser.parse(body);
 * List<RunEvent> events = RunEventParser.parseAll(bodyWithOneEventOrAnArray);
 * }</pre>
 *
 * <p>Validation is in code (no schema files at run time) and reports every problem at once: an invalid event
 * fails with {@link MeshpilotException} code {@link ErrorCode#EVENT_INVALID}, one detail per problem naming
 * the JSON field, e.g. {@code run.runId: missing (a UUID is required)}. What is enforced and where Meshpilot
 * is deliberately lenient is listed in {@code docs/openlineage.md}. Thread-safe.
 */
public final class RunEventParser {
    static final int MAX_DETAILS = 100;

    private RunEventParser() {}

    /** Parses exactly one event (a JSON object). */
    public static RunEvent parse(String json) {
        JsonNode node = tree(json);
        List<EventProblem> problems = new ArrayList<>();
        if (node.isArray()) {
            problems.add(new EventProblem(null, 0, "", "expected one RunEvent (a JSON object), got an array"));
            throw invalid(problems);
        }
        RunEvent event = EventReader.read(node, "", problems);
        if (event == null) {
            throw invalid(problems);
        }
        return event;
    }

    /** Parses one event, or a JSON array of events; all or nothing. */
    public static List<RunEvent> parseAll(String json) {
        JsonNode node = tree(json);
        if (!node.isArray()) {
            return List.of(parse(json));
        }
        List<EventProblem> problems = new ArrayList<>();
        List<RunEvent> events = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            RunEvent event = EventReader.read(node.get(i), "[" + i + "]", problems);
            if (event != null) {
                events.add(event);
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return events;
    }

    private static JsonNode tree(String json) {
        if (json == null || json.isBlank()) {
            throw invalid(List.of(new EventProblem(null, 0, "", "empty body (expected a JSON RunEvent)")));
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(List.of(syntax(e, null, 0)));
        }
    }

    /** A JSON syntax error as a problem; {@code firstLine} is added to the parser's line when reading a line. */
    static EventProblem syntax(JsonProcessingException e, String source, int firstLine) {
        JsonLocation at = e.getLocation();
        int line = at == null ? firstLine : firstLine + Math.max(at.getLineNr(), 1) - (firstLine > 0 ? 1 : 0);
        String where = at == null ? "" : " (column " + at.getColumnNr() + ")";
        return new EventProblem(source, line, "", "not valid JSON: " + e.getOriginalMessage() + where);
    }

    static MeshpilotException invalid(List<EventProblem> problems) {
        List<String> details = new ArrayList<>();
        problems.stream().limit(MAX_DETAILS).forEach(p -> details.add(p.toString()));
        if (problems.size() > MAX_DETAILS) {
            details.add("... and " + (problems.size() - MAX_DETAILS) + " more problems");
        }
        String summary = problems.size() == 1
                ? problems.get(0).toString()
                : problems.size() + " problems, the first: " + problems.get(0);
        return new MeshpilotException(ErrorCode.EVENT_INVALID, "invalid OpenLineage event: " + summary, details);
    }
}
