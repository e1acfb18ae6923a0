package dev.meshpilot.mesh.alert;

import java.util.stream.Collectors;

/**
 * The fingerprint, title and description of incidents opened by alerts, and the note a resolved alert
 * leaves. Annotations are untrusted text: they are kept as data, bounded in length, never interpreted.
 */
final class AlertText {
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;

    private AlertText() {}

    /**
     * {@code alert:<alertname>:<product>}; for an alert that maps to no product, the first of the labels
     * {@code dataset}, {@code product}, {@code job} in its place, else Alertmanager's fingerprint of the alert.
     */
    static String fingerprint(Alert a, String productId) {
        String key = first(productId, a.label("dataset"), a.label("product"), a.label("job"), a.fingerprint());
        return "alert:" + a.alertname() + ":" + key;
    }

    static String title(Alert a) {
        String summary = a.annotation("summary");
        String title = summary == null ? a.alertname() : summary.strip().replaceAll("\\s+", " ");
        return cut(title, MAX_TITLE);
    }

    static String description(Alert a, String at, ProductMapper.Mapping m) {
        String text = a.annotation("description");
        StringBuilder sb = new StringBuilder(
                text == null ? "(The alert has no description annotation.)" : cut(text.strip(), MAX_DESCRIPTION));
        sb.append("\n\nAlertmanager alert ")
                .append(a.alertname())
                .append(" (")
                .append(a.fingerprint())
                .append("), firing since ")
                .append(at)
                .append(". Labels: ")
                .append(a.labels().entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=\"" + cut(e.getValue(), 200) + "\"")
                        .collect(Collectors.joining(", ")))
                .append('.');
        if (a.generatorUrl() != null) {
            sb.append(" Rule: ").append(cut(a.generatorUrl(), 500)).append('.');
        }
        if (m.productId() == null) {
            sb.append(" Mapped to no product: ")
                    .append(String.join("; ", m.notes()))
                    .append('.');
        }
        return sb.toString();
    }

    static String resolved(Alert a, String at) {
        return "Alertmanager: alert " + a.alertname() + " (" + a.fingerprint() + ") resolved at " + at
                + ". The incident stays open until someone resolves it.";
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return "";
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
