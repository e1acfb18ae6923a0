package dev.meshpilot.mesh.workspace;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.contract.ContractValidation;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.warehouse.WarehouseBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a workspace folder into the store, all or nothing.
 *
 * <pre>{@code
 * LoadResult result = WorkspaceLoader.load(Path.of("examples/acme-retail"), store, Progress.NONE);
 * }</pre>
 *
 * <p>Reads and validates every file first; if anything is wrong, throws {@link MeshpilotException} with
 * code {@link ErrorCode#WORKSPACE_INVALID} and one detail per problem ({@code file:line: field: message})
 * and the store is untouched. Otherwise writes everything, events included, in one transaction.
 */
public final class WorkspaceLoader {
    private WorkspaceLoader() {}

    public static LoadResult load(Path dir, MeshStore store, Progress progress) {
        return load(dir, store, progress, ContractValidation.BUILT_IN);
    }

    /** Like {@link #load(Path, MeshStore, Progress)}, validating contracts as {@code validation} says. */
    public static LoadResult load(Path dir, MeshStore store, Progress progress, ContractValidation validation) {
        return load(dir, store, progress, validation, WorkspaceEvents.KEPT_BYTES);
    }

    /** As above; event files beyond {@code keptBytes} in all are parsed again while ingested. */
    static LoadResult load(
            Path dir, MeshStore store, Progress progress, ContractValidation validation, long keptBytes) {
        long start = System.nanoTime();
        if (!Files.isDirectory(dir)) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, dir + " is not a folder (expected a workspace folder with meshpilot.yaml)");
        }
        Problems problems = new Problems();
        Workspace ws = read(dir, problems, progress, validation);
        WorkspaceEvents events = WorkspaceEvents.read(ws, problems, progress, keptBytes);
        if (!problems.isEmpty()) {
            List<Problem> all = problems.sorted();
            throw new MeshpilotException(
                    ErrorCode.WORKSPACE_INVALID,
                    dir + ": " + all.size() + (all.size() == 1 ? " problem" : " problems") + "; nothing was loaded",
                    all.stream().map(Problem::toString).toList());
        }
        List<Path> scripts = WarehouseBuilder.scripts(dir);
        Path warehouse = store.file().toAbsolutePath().resolveSibling(WarehouseBuilder.FILE);
        Path staged = scripts.isEmpty() ? null : WarehouseBuilder.build(scripts, warehouse);
        int[] ingested = store.inTransaction(h -> {
            progress.update("write", 0, 1);
            WorkspaceWriter.write(h, ws);
            progress.update("write", 1, 1);
            return events.ingest(h, progress);
        });
        if (staged != null) {
            WarehouseBuilder.publish(staged, warehouse);
        }
        return new LoadResult(
                ws.mesh.name(),
                ws.domains.size(),
                ws.products.size(),
                ws.contracts.size(),
                ws.policies.size(),
                ws.runbooks.size(),
                ws.incidents.size(),
                ws.grants.size() + ws.schemas.size() + ws.retention.size(),
                ingested[0],
                ingested[1],
                (System.nanoTime() - start) / 1_000_000,
                scripts.size());
    }

    /** Reads and checks a workspace without touching any store; the problems list is empty when it is valid. */
    public static List<Problem> check(Path dir) {
        return check(dir, ContractValidation.BUILT_IN);
    }

    /** Like {@link #check(Path)}, validating contracts as {@code validation} says. */
    public static List<Problem> check(Path dir, ContractValidation validation) {
        Problems problems = new Problems();
        Workspace ws = read(dir, problems, Progress.NONE, validation);
        WorkspaceEvents.read(ws, problems, Progress.NONE);
        return problems.sorted();
    }

    static Workspace read(Path dir, Problems problems, Progress progress, ContractValidation validation) {
        Workspace ws = WorkspaceReader.read(dir, problems, progress, validation);
        if (ws.mesh != null) {
            CrossReferences.check(ws, problems);
        }
        return ws;
    }
}
