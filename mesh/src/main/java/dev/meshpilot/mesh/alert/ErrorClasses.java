package dev.meshpilot.mesh.alert;

import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.mesh.incident.ErrorClassifier;

/**
 * The error class of an alert: the {@code error_class} label, else the {@code error_class} annotation (both
 * checked by the parser), else the {@link ErrorClassifier}'s class of the {@code alertname}, else of the
 * {@code summary} annotation, else {@code unknown}.
 */
final class ErrorClasses {
    static final String KEY = "error_class";

    private ErrorClasses() {}

    static String of(Alert alert) {
        if (alert.label(KEY) != null) {
            return alert.label(KEY);
        }
        if (alert.annotation(KEY) != null) {
            return alert.annotation(KEY);
        }
        String byName = classify(alert.alertname());
        if (byName != null) {
            return byName;
        }
        String bySummary = classify(alert.annotation("summary"));
        return bySummary != null ? bySummary : ErrorClass.UNKNOWN.wireName();
    }

    /** The class of {@code text}, or {@code null} when no rule matches. */
    static String classify(String text) {
        ErrorClass c = ErrorClassifier.classify(text);
        return c == ErrorClass.UNKNOWN ? null : c.wireName();
    }
}
