/**
 * The anomalies agent: from a scope (a product, a domain or the whole mesh) and a window to an
 * {@link dev.meshpilot.agents.anomalies.AnomaliesReport} — each product's metric series scored by the detector
 * of {@code mesh.anomaly.detect}, the anomalies grouped along lineage so one upstream root explains its
 * downstream echoes, ranked by score × impact, with owners, open incidents linked and what resolved incidents
 * explain set apart; every group citing the evidence it rests on.
 */
package dev.meshpilot.agents.anomalies;
