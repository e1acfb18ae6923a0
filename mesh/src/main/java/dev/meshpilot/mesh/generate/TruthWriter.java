package dev.meshpilot.mesh.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Writes {@code observed/anomalies-truth.json}: what {@code generate --anomalies N} injected, one entry per
 * root with its kind, the date its run ran, and its echoes with their hop distance.
 */
final class TruthWriter {
    private TruthWriter() {}

    static void write(SyntheticMetrics metrics, Instant windowStart, Output out) {
        Path file = out.file("observed/anomalies-truth.json");
        try (JsonGenerator g = new JsonFactory()
                .createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8)
                .useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeArrayFieldStart("anomalies");
            for (Injections.Truth t : metrics.truth()) {
                g.writeStartObject();
                g.writeStringField("kind", t.kind());
                g.writeStringField("root", t.root());
                g.writeStringField(
                        "date",
                        windowStart
                                .plus(Duration.ofDays(t.day()))
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDate()
                                .toString());
                g.writeArrayFieldStart("echoes");
                for (int i = 0; i < t.echoes().size(); i++) {
                    g.writeStartObject();
                    g.writeStringField("product", t.echoes().get(i));
                    g.writeNumberField("hops", t.hops().get(i));
                    g.writeEndObject();
                }
                g.writeEndArray();
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
