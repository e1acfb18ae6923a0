package dev.meshpilot.mesh.openlineage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What one ingest did.
 *
 * @param accepted events written
 * @param duplicates events already in the store (or repeated in the same call): replays are no-ops
 * @param incidentsOpened incidents opened by FAIL events and failed assertions
 * @param incidentsUpdated open incidents with the same fingerprint that were updated instead
 * @param unmappedDatasets distinct datasets of the accepted events that match no product's output port
 *     (they are stored all the same, as unmapped lineage nodes)
 * @param incidentIds the ids of the incidents opened or updated, in order, for notifications
 */
public record IngestResult(
        int accepted,
        int duplicates,
        int incidentsOpened,
        int incidentsUpdated,
        int unmappedDatasets,
        List<String> incidentIds) {
    public static final IngestResult EMPTY = new IngestResult(0, 0, 0, 0, 0, List.of());

    public IngestResult {
        incidentIds = List.copyOf(incidentIds);
    }

    /** The sum of two results (ids of both, without repeats); unmapped datasets are added, not deduplicated. */
    public IngestResult plus(IngestResult other) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(incidentIds);
        ids.addAll(other.incidentIds);
        return new IngestResult(
                accepted + other.accepted,
                duplicates + other.duplicates,
                incidentsOpened + other.incidentsOpened,
                incidentsUpdated + other.incidentsUpdated,
                unmappedDatasets + other.unmappedDatasets,
                new ArrayList<>(ids));
    }
}
