/**
 * The anomaly detector's math over primitive arrays: a seasonal, robust score per point of one metric series
 * ({@link dev.meshpilot.mesh.anomaly.detect.Detector}), tuned by
 * {@link dev.meshpilot.mesh.anomaly.detect.DetectorSettings}; no I/O, no tools, fast enough to sweep a
 * large mesh on one core.
 */
package dev.meshpilot.mesh.anomaly.detect;
