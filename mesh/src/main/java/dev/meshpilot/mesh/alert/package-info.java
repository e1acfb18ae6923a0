/**
 * Alerts in: Prometheus Alertmanager webhook notifications (payload version 4) parsed and validated into
 * typed records, mapped to data products, and turned into incidents (opened, or the open one updated;
 * deduplicated by fingerprint, replays ignored by digest).
 *
 * <p>Entry points: {@link dev.meshpilot.mesh.alert.AlertmanagerParser} to read a notification,
 * {@link dev.meshpilot.mesh.alert.AlertIngestor} to write it. The label conventions, the mapping precedence
 * and what a resolved alert does are described in {@code docs/alerts.md}.
 */
package dev.meshpilot.mesh.alert;
