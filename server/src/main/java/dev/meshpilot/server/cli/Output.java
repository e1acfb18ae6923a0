package dev.meshpilot.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.meshpilot.mesh.store.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Prints results as JSON or as aligned text tables. */
final class Output {
    private Output() {}

    static void json(PrintWriter out, Object value) {
        try {
            out.println(Json.MAPPER
                    .copy()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints rows under a header, each column as wide as its widest cell. */
    static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], cell(row.get(i)).length());
            }
        }
        out.println(line(header, width));
        for (List<String> row : rows) {
            out.println(line(row, width));
        }
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cell(cells.get(i));
            sb.append(c);
            if (i < cells.size() - 1) {
                sb.append(" ".repeat(width[i] - c.length() + 2));
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String cell(String s) {
        return s == null ? "-" : s;
    }
}
