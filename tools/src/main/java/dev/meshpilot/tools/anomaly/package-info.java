/**
 * {@code scan_metrics}: the anomaly detector ({@code mesh.anomaly.detect}) run over products' metric histories
 * where they live, so that a sweep over a large mesh crosses the gate as anomalies, a page at a time.
 */
package dev.meshpilot.tools.anomaly;
