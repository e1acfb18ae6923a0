package dev.meshpilot.mesh.incident;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.store.WriteHandles;
import org.jdbi.v3.core.Handle;

/**
 * Opens an incident from one signal in a transaction of its own, the way alerts do: through
 * {@link IncidentRecorder}, so an open incident with the same fingerprint is counted on instead of a second one
 * being opened. For callers outside an ingest (a chat button). Stateless and thread-safe; SQLite serialises writers.
 *
 * <pre>{@code
 * IncidentRecorder.Outcome o = IncidentOpener.open(store, signal); // o.opened() false: it was already open
 * }</pre>
 */
public final class IncidentOpener {
    private IncidentOpener() {}

    /**
     * Records {@code signal}, committed and synced before this returns; fails with {@link ErrorCode#STORE_FAILED}.
     */
    public static IncidentRecorder.Outcome open(MeshStore store, IncidentRecorder.Signal signal) {
        try (Handle h = WriteHandles.open(store)) {
            return h.inTransaction(tx -> new IncidentRecorder(tx).record(signal));
        } catch (MeshpilotException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED, "could not open the incident: " + e.getMessage() + "; try again", e);
        }
    }
}
