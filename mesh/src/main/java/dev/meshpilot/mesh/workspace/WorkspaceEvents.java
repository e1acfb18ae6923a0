package dev.meshpilot.mesh.workspace;

import dev.meshpilot.core.Progress;
import org.jdbi.v3.core.Handle;

/** The OpenLineage events under {@code observed/events/}: parsed up front, ingested with the workspace. */
final class WorkspaceEvents {
    private WorkspaceEvents() {}

    static WorkspaceEvents read(Workspace ws, Problems problems, Progress progress) {
        return new WorkspaceEvents();
    }

    /** Ingests in the loader's transaction; returns {accepted, duplicates}. */
    int[] ingest(Handle h, Progress progress) {
        return new int[] {0, 0};
    }
}
