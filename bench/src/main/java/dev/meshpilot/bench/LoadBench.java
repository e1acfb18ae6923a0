package dev.meshpilot.bench;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.generate.GenerateResult;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.LoadResult;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times {@code meshpilot load} of a generated workspace into a fresh store, several rounds, and reports
 * each round, the median, and the peak heap of the load.
 */
public final class LoadBench {
    private LoadBench() {}

    public static void run(int products, int days, int rounds, Path work, PrintWriter out) {
        Path ws = work.resolve("workspace");
        GenerateResult g = new WorkspaceGenerator().generate(GeneratorSpec.of(products, days, 42), ws, Progress.NONE);
        out.printf(
                "workspace: %,d products, %,d contracts, %,d events, %,d files, %,d bytes%n",
                g.products(), g.contracts(), g.events(), g.files(), g.bytes());
        List<Long> millis = new ArrayList<>();
        long peak = 0;
        for (int round = 1; round <= rounds; round++) {
            MeshStore store = MeshStore.open(work.resolve("round-" + round + "/meshpilot.db"));
            HeapPeak.reset();
            long start = System.nanoTime();
            LoadResult r = WorkspaceLoader.load(ws, store, Progress.NONE);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long heap = HeapPeak.bytes();
            peak = Math.max(peak, heap);
            millis.add(ms);
            out.printf(
                    "round %d: %,d ms (%,d products, %,d events), peak heap %,d MiB%n",
                    round, ms, r.products(), r.events(), heap >> 20);
            out.flush();
        }
        Collections.sort(millis);
        out.printf(
                "load %,d products: median %,d ms, min %,d ms, max %,d ms; peak heap %,d MiB (max heap %,d MiB)%n",
                products,
                millis.get(millis.size() / 2),
                millis.get(0),
                millis.get(millis.size() - 1),
                peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
