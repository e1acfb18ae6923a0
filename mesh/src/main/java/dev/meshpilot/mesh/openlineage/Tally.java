package dev.meshpilot.mesh.openlineage;

import dev.meshpilot.mesh.incident.IncidentRecorder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** Counts what happened to one request's events while a batch is applied. */
final class Tally {
    int accepted;
    int duplicates;
    private int opened;
    private int updated;
    private final Set<Ref> unmapped = new HashSet<>();
    private final Set<String> incidents = new LinkedHashSet<>();

    void unmapped(Ref dataset) {
        unmapped.add(dataset);
    }

    void incident(IncidentRecorder.Outcome outcome) {
        if (outcome.opened()) {
            opened++;
        } else {
            updated++;
        }
        incidents.add(outcome.id());
    }

    IngestResult result() {
        return new IngestResult(accepted, duplicates, opened, updated, unmapped.size(), new ArrayList<>(incidents));
    }
}
