package dev.meshpilot.mesh.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One alert of an Alertmanager notification.
 *
 * @param status firing or resolved
 * @param labels the alert's labels (its identity in Alertmanager); {@code alertname} is always present
 * @param annotations free text such as {@code summary} and {@code description}: untrusted, kept as data
 * @param startsAt when the alert started firing
 * @param endsAt when it ended, or {@code null} (Alertmanager sends {@code 0001-01-01T00:00:00Z} for unset)
 * @param generatorUrl the link back to the rule in Prometheus, or {@code null}
 * @param fingerprint Alertmanager's hash of the labels; when the payload has none, a SHA-256 of the sorted
 *     labels (16 hex digits)
 */
public record Alert(
        AlertStatus status,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        String generatorUrl,
        String fingerprint) {
    public Alert {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startsAt, "startsAt");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        if (!labels.containsKey("alertname")) {
            throw new IllegalArgumentException("an alert needs an alertname label");
        }
        if (fingerprint == null || fingerprint.isBlank()) {
            fingerprint = sha256(String.join(
                            "\n",
                            new TreeMap<>(labels)
                                    .entrySet().stream()
                                            .map(e -> e.getKey() + "=" + e.getValue())
                                            .toList()))
                    .substring(0, 16);
        }
    }

    public String alertname() {
        return labels.get("alertname");
    }

    /** The label {@code name}, or {@code null} when absent or blank. */
    public String label(String name) {
        return blankToNull(labels.get(name));
    }

    /** The annotation {@code name}, or {@code null} when absent or blank. */
    public String annotation(String name) {
        return blankToNull(annotations.get(name));
    }

    /**
     * What makes two copies of this alert the same: its fingerprint, start and status. Alertmanager re-sends
     * a group's alerts unchanged (on retries, every {@code repeat_interval}, and whenever another alert joins
     * the group); each is taken once.
     */
    public String digest() {
        return sha256(fingerprint + "\n" + startsAt + "\n" + status.wireName());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
