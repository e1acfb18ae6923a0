/**
 * The anomaly detector's math over primitive arrays: a seasonal, robust score per point of one metric series
 * ({@link dev.meshpilot.agents.anomalies.detect.Detector}), tuned by
 * {@link dev.meshpilot.agents.anomalies.detect.DetectorSettings}; no I/O, no tools, fast enough to sweep a
 * large mesh on one core.
 */
package dev.meshpilot.agents.anomalies.detect;
