package dev.meshpilot.mesh.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.runbook.Runbook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates a Prometheus Alertmanager webhook notification (payload version 4), e.g. the body of
 * {@code POST /api/v1/alerts/alertmanager}.
 *
 * <pre>{@code
 * AlertmanagerNotification n = AlertmanagerParser.parse(body);
 * }</pre>
 *
 * <p>Strict on what Meshpilot uses, lenient on the rest: every alert needs a {@code status} ({@code firing}
 * or {@code resolved}), {@code labels} with a non-empty {@code alertname}, string label and annotation
 * values, and a {@code startsAt} date-time; {@code error_class}, as a label or an annotation, must be one of
 * {@link Runbook#ERROR_CLASSES}; {@code version}, when present, must be {@code "4"}. Unknown fields, and
 * {@code groupLabels}, {@code commonLabels} and {@code commonAnnotations}, are ignored. An invalid
 * notification fails with {@link MeshpilotException} code {@link ErrorCode#EVENT_INVALID}, one detail per
 * problem naming the JSON path, e.g. {@code alerts[1].labels.alertname: missing (a non-empty string is
 * required)}. Thread-safe.
 */
public final class AlertmanagerParser {
    static final int MAX_DETAILS = 100;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private AlertmanagerParser() {}

    public static AlertmanagerNotification parse(String json) {
        Fields f = new Fields();
        JsonNode root = tree(json);
        if (!root.isObject()) {
            f.problem("", "expected a JSON object (an Alertmanager notification), got " + Fields.describe(root));
            throw invalid(f.problems());
        }
        JsonNode version = Fields.member(root, "version");
        if (version != null && !(version.isTextual() && version.textValue().equals("4"))) {
            f.problem(
                    "version",
                    "expected \"4\" (the only webhook payload version there is), got " + Fields.describe(version));
        }
        String receiver = f.text(root, "", "receiver", false);
        AlertStatus status = status(f, root, "", false);
        String groupKey = f.text(root, "", "groupKey", false);
        String externalUrl = f.text(root, "", "externalURL", false);
        long truncated = f.count(root, "", "truncatedAlerts");
        List<Alert> alerts = new ArrayList<>();
        JsonNode array = Fields.member(root, "alerts");
        if (array == null) {
            f.problem("alerts", "missing (an array of alerts is required)");
        } else if (!array.isArray()) {
            f.problem("alerts", "expected an array of alerts, got " + Fields.describe(array));
        } else {
            for (int i = 0; i < array.size(); i++) {
                Alert alert = alert(f, array.get(i), "alerts[" + i + "]");
                if (alert != null) {
                    alerts.add(alert);
                }
            }
        }
        if (!f.problems().isEmpty()) {
            throw invalid(f.problems());
        }
        return new AlertmanagerNotification(receiver, status, groupKey, externalUrl, truncated, alerts);
    }

    private static Alert alert(Fields f, JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            f.problem(path, "expected an alert (a JSON object), got " + Fields.describe(node));
            return null;
        }
        int before = f.problems().size();
        AlertStatus status = status(f, node, path, true);
        Map<String, String> labels = f.strings(node, path, "labels", true);
        Map<String, String> annotations = f.strings(node, path, "annotations", false);
        String labelsPath = Fields.child(path, "labels");
        JsonNode labelsNode = Fields.member(node, "labels");
        if (labelsNode != null && labelsNode.isObject()) {
            JsonNode name = Fields.member(labelsNode, "alertname");
            if (name == null) {
                f.problem(Fields.child(labelsPath, "alertname"), "missing (a non-empty string is required)");
            } else if (name.isTextual() && name.textValue().isBlank()) {
                f.problem(Fields.child(labelsPath, "alertname"), "expected a non-empty string, got \"\"");
            }
        }
        errorClass(f, labels, labelsPath);
        errorClass(f, annotations, Fields.child(path, "annotations"));
        Instant startsAt = f.time(node, path, "startsAt", true);
        Instant endsAt = f.time(node, path, "endsAt", false);
        String generatorUrl = f.text(node, path, "generatorURL", false);
        String fingerprint = f.text(node, path, "fingerprint", false);
        if (f.problems().size() != before) {
            return null;
        }
        return new Alert(status, labels, annotations, startsAt, endsAt, generatorUrl, fingerprint);
    }

    private static AlertStatus status(Fields f, JsonNode node, String path, boolean required) {
        String text = f.text(node, path, "status", required);
        if (text == null) {
            return null;
        }
        AlertStatus status = AlertStatus.of(text);
        if (status == null) {
            f.problem(
                    Fields.child(path, "status"),
                    "expected firing or resolved, got " + Fields.describe(node.get("status")));
        }
        return status;
    }

    private static void errorClass(Fields f, Map<String, String> values, String path) {
        String value = values.get(ErrorClasses.KEY);
        if (value != null && !Runbook.ERROR_CLASSES.contains(value)) {
            f.problem(
                    Fields.child(path, ErrorClasses.KEY),
                    "expected one of " + String.join(", ", Runbook.ERROR_CLASSES) + ", got \"" + value + "\"");
        }
    }

    private static JsonNode tree(String json) {
        if (json == null || json.isBlank()) {
            throw invalid(List.of("empty body (expected an Alertmanager webhook notification, a JSON object)"));
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw invalid(List.of("not valid JSON: " + e.getOriginalMessage() + where));
        }
    }

    private static MeshpilotException invalid(List<String> problems) {
        List<String> details = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MAX_DETAILS)));
        if (problems.size() > MAX_DETAILS) {
            details.add("... and " + (problems.size() - MAX_DETAILS) + " more problems");
        }
        String summary =
                problems.size() == 1 ? problems.get(0) : problems.size() + " problems, the first: " + problems.get(0);
        return new MeshpilotException(
                ErrorCode.EVENT_INVALID, "invalid Alertmanager notification: " + summary, details);
    }
}
