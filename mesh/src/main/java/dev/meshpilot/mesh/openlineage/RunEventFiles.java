package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.core.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads OpenLineage RunEvents from files, for {@code meshpilot ingest FILE...} and a workspace's
 * {@code observed/events/}: {@code .json} holds one event or a JSON array of events, {@code .ndjson} (or
 * {@code .jsonl}) one event a line (blank lines are skipped).
 *
 * <pre>{@code
 * List<RunEvent> events = RunEventFiles.read(Path.of("events.ndjson"));
 * }</pre>
 *
 * <p>A problem names the file, the line (of the NDJSON line, or where the array element starts) and the
 * field, e.g. {@code events.ndjson:3: run.runId: missing (a UUID is required)}. Thread-safe.
 */
public final class RunEventFiles {
    private RunEventFiles() {}

    /** Whether {@code file} has a name this class reads. */
    public static boolean isEventFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }

    /** Reads every event of {@code file}, all or nothing: fails with {@link ErrorCode#EVENT_INVALID}. */
    public static List<RunEvent> read(Path file) {
        List<EventProblem> problems = new ArrayList<>();
        List<RunEvent> events = read(file, file.toString(), problems);
        if (!problems.isEmpty()) {
            throw RunEventParser.invalid(problems);
        }
        return events;
    }

    /**
     * Reads the valid events of {@code file} and adds a problem (its source set to {@code source}) for each
     * invalid one, so a caller can report the problems of many files together.
     */
    public static List<RunEvent> read(Path file, String source, List<EventProblem> problems) {
        if (!isEventFile(file)) {
            problems.add(new EventProblem(source, 0, "", "not an event file (expected .json, .ndjson or .jsonl)"));
            return List.of();
        }
        List<RunEvent> events = new ArrayList<>();
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                readJson(file, source, events, problems);
            } else {
                readLines(file, source, events, problems);
            }
        } catch (IOException e) {
            problems.add(new EventProblem(source, 0, "", "cannot read the file: " + e.getMessage()));
        }
        return events;
    }

    private static void readJson(Path file, String source, List<RunEvent> events, List<EventProblem> problems)
            throws IOException {
        try (JsonParser p = Json.MAPPER.createParser(Files.newInputStream(file))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new EventProblem(source, 0, "", "empty file (expected a RunEvent or an array of them)"));
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                add(Json.IN_STREAM.readTree(p), "", 0, source, events, problems);
            } else {
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int line = p.currentTokenLocation().getLineNr();
                    add(Json.IN_STREAM.readTree(p), "[" + i++ + "]", line, source, events, problems);
                }
            }
            if (p.nextToken() != null) {
                problems.add(new EventProblem(
                        source,
                        p.currentTokenLocation().getLineNr(),
                        "",
                        "unexpected content after the JSON document"));
            }
        } catch (JsonProcessingException e) {
            problems.add(RunEventParser.syntax(e, source, 0));
        }
    }

    private static void readLines(Path file, String source, List<RunEvent> events, List<EventProblem> problems)
            throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                try {
                    add(Json.MAPPER.readTree(text.strip()), "", line, source, events, problems);
                } catch (JsonProcessingException e) {
                    problems.add(RunEventParser.syntax(e, source, line));
                }
            }
        }
    }

    private static void add(
            JsonNode node, String path, int line, String source, List<RunEvent> events, List<EventProblem> problems) {
        List<EventProblem> found = new ArrayList<>();
        RunEvent event = EventReader.read(node, path, found);
        if (event != null) {
            events.add(event);
        }
        found.forEach(p -> problems.add(p.at(source, line)));
    }
}
