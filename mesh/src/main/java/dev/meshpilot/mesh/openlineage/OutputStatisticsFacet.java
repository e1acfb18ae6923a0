package dev.meshpilot.mesh.openlineage;

/**
 * The {@code outputStatistics} output facet: what a run wrote. Each value is {@code null} when absent.
 *
 * @param rowCount rows written
 * @param size bytes written
 * @param fileCount files written
 */
public record OutputStatisticsFacet(Long rowCount, Long size, Long fileCount) {}
