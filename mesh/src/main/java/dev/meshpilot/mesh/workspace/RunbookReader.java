package dev.meshpilot.mesh.workspace;

import dev.meshpilot.mesh.runbook.Runbook;
import java.util.List;

/** Reads a runbook: YAML front matter between {@code ---} lines, then the Markdown body. */
final class RunbookReader {
    private RunbookReader() {}

    static void read(String file, String text, Workspace ws, Problems problems) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            problems.add(file, 1, "", "a runbook starts with YAML front matter between '---' lines (id, title, ...)");
            return;
        }
        int end = normalized.indexOf("\n---", 4);
        if (end < 0) {
            problems.add(file, 1, "", "the front matter is not closed by a '---' line");
            return;
        }
        // Pad with one line so YAML line numbers match the file's (the opening '---' is line 1).
        YamlDoc doc = YamlDoc.parse(file, "\n" + normalized.substring(4, end + 1), problems);
        if (doc == null) {
            return;
        }
        Node root = Node.root(doc, problems);
        if (!root.isObject()) {
            return;
        }
        root.onlyKeys(List.of("id", "title", "appliesTo", "tags"));
        String id = root.text("id", true);
        String title = root.text("title", true);
        Node applies = root.child("appliesTo", false);
        List<String> products = List.of();
        List<String> classes = List.of();
        if (applies != null) {
            applies.onlyKeys(List.of("products", "errorClasses"));
            products = applies.texts("products");
            classes = applies.texts("errorClasses");
            for (String c : classes) {
                if (!Runbook.ERROR_CLASSES.contains(c)) {
                    applies.problem(
                            "errorClasses", "'" + c + "' is not one of " + String.join(", ", Runbook.ERROR_CLASSES));
                }
            }
        }
        int bodyStart = normalized.indexOf('\n', end + 4);
        String body = bodyStart < 0 ? "" : normalized.substring(bodyStart + 1).strip();
        if (id != null && title != null) {
            Runbook runbook = new Runbook(id, title, products, classes, root.texts("tags"), body);
            ws.runbooks.add(new Sourced<>(runbook, doc, ""));
        }
    }
}
