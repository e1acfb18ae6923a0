package dev.meshpilot.evals.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.evals.run.EvalReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an {@link EvalReport} as {@code report.json}, {@code report.md} and {@code report.html} into a
 * folder.
 *
 * <pre>{@code
 * List<Path> files = Reports.write(report, Path.of("target/evals"));
 * }</pre>
 */
public final class Reports {
    private Reports() {}

    public static List<Path> write(EvalReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("report.json");
            Path md = dir.resolve("report.md");
            Path html = dir.resolve("report.html");
            Files.writeString(json, json(report) + "\n", StandardCharsets.UTF_8);
            Files.writeString(md, MarkdownReport.render(report), StandardCharsets.UTF_8);
            Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
            return List.of(json, md, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + dir, e);
        }
    }

    /** The machine report: the {@link EvalReport} as indented JSON. */
    public static String json(EvalReport report) {
        try {
            return AgentRun.json()
                    .copy()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
