package dev.meshpilot.mesh.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code observed/triage-truth.json} ({@code generate --incidents N}): the cause of every failed run the
 * generator wrote, known before any agent runs — the product whose run failed and when (an incident opens
 * then, unless one with its fingerprint is already open), the root product, its error class, whether a retry
 * recovered it (nothing impacted then), and the planted scenario it belongs to (null for a failure by chance or
 * its cascade).
 */
final class TriageTruth {
    /** One failed run and its answer. */
    record Entry(String product, Instant at, String root, String errorClass, boolean recovered, String scenario) {}

    private TriageTruth() {}

    static void write(List<Entry> entries, Output out) {
        Path file = out.file("observed/triage-truth.json");
        try (JsonGenerator g = new JsonFactory()
                .createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8)
                .useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeArrayFieldStart("failures");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("product", e.product());
                g.writeStringField("at", e.at().toString());
                g.writeStringField("root", e.root());
                g.writeStringField("errorClass", e.errorClass());
                g.writeBooleanField("recovered", e.recovered());
                g.writeStringField("scenario", e.scenario());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw Output.failed(file, e);
        }
        out.counted(file);
    }
}
