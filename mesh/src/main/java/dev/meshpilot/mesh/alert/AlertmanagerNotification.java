package dev.meshpilot.mesh.alert;

import java.util.List;

/**
 * One Alertmanager webhook notification (payload version 4): a group of alerts routed to one receiver. The
 * fields Meshpilot does not use ({@code groupLabels}, {@code commonLabels}, {@code commonAnnotations}) are
 * not kept: every alert carries its own labels and annotations.
 *
 * @param receiver the receiver's name in the Alertmanager configuration, or {@code null}
 * @param status the group's status ({@code firing} while any alert fires), or {@code null}
 * @param groupKey identifies the group in Alertmanager, or {@code null}
 * @param externalUrl the Alertmanager's own URL, or {@code null}
 * @param truncatedAlerts how many alerts Alertmanager left out ({@code max_alerts}); they are not seen
 * @param alerts the alerts, in order
 */
public record AlertmanagerNotification(
        String receiver,
        AlertStatus status,
        String groupKey,
        String externalUrl,
        long truncatedAlerts,
        List<Alert> alerts) {
    public AlertmanagerNotification {
        alerts = List.copyOf(alerts);
    }
}
