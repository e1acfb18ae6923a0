package dev.meshpilot.evals.mesh;

import dev.meshpilot.core.Progress;
import dev.meshpilot.evals.suite.MeshSpec;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.mesh.search.MiniLmEmbedder;
import dev.meshpilot.mesh.search.SearchIndex;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the meshes cases run on, cheaply. Each base workspace (the demo, one generated spec, or a
 * hand-written workspace kept beside the suite) is loaded
 * once into a template — store, warehouse and search index — and cases without an overlay share one open
 * mesh of it. A case with an overlay gets a copy of the template, its own workspace (the base's files with
 * the overlay applied) loaded over the copy, and an index sync that embeds only the documents the overlay
 * changed. Alertmanager notifications under a case's {@code alerts/} are received after the load, as
 * {@code meshpilot alert} would. An overlay that does not load fails loudly with the loader's problems
 * (file, line, field).
 *
 * <p>Not thread-safe. Close it to close the shared meshes; the work folder is the caller's.
 */
public final class MeshFactory implements AutoCloseable {
    private final Path work;
    private final Path demo;
    private final Injections injections;
    private final Map<String, Set<String>> allowlists;
    private final Map<String, Path> workspaces = new HashMap<>();
    private final Map<String, Path> templates = new HashMap<>();
    private final Map<String, EvalMesh> shared = new HashMap<>();
    private final AtomicInteger n = new AtomicInteger();
    private static final String EVENTS = "observed/events";

    /**
     * @param work an empty folder for templates and case meshes
     * @param demo the demo workspace ({@code examples/acme-retail})
     * @param injections the shared injection corpus for overlays that plant payloads
     * @param allowlists each evaluated agent's tool allowlist at the gate
     */
    public MeshFactory(Path work, Path demo, Injections injections, Map<String, Set<String>> allowlists) {
        this.work = work;
        this.demo = demo;
        this.injections = injections;
        this.allowlists = Map.copyOf(allowlists);
    }

    /** The injection corpus file overlays plant payloads from (it may be absent). */
    public Path corpus() {
        return injections.corpus();
    }

    /** Whether the mesh of {@code spec} can be made here (an overlay planting payloads needs the corpus). */
    public boolean available(MeshSpec spec) {
        return injections.available()
                || !(Overlays.plants(spec.overlay(), injections)
                        || Overlays.plants(spec.append(), injections)
                        || Overlays.plants(spec.alerts(), injections));
    }

    /**
     * The mesh of {@code spec}. Shared meshes are owned by the factory: close only those for which {@link
     * #owned} says true.
     */
    public EvalMesh open(MeshSpec spec) {
        if (!spec.changed()) {
            EvalMesh m = shared.get(spec.baseKey());
            if (m == null) {
                m = openCopy(spec, null, false);
                shared.put(spec.baseKey(), m);
            }
            return m;
        }
        Path ws = work.resolve("case-" + n.incrementAndGet() + "-workspace");
        Overlays.copy(workspace(spec), ws);
        // A reload over the template cannot take events back: an overlay that replaces an event file of the
        // base (a case rewriting what happened on a day) is loaded into an empty store instead.
        boolean fresh = Overlays.replaces(spec.overlay(), ws, EVENTS);
        if (spec.overlay() != null) {
            Overlays.apply(spec.overlay(), ws, injections);
        }
        if (spec.append() != null) {
            Overlays.append(spec.append(), ws, injections);
        }
        return openCopy(spec, ws, fresh);
    }

    /** Whether the caller must close {@code mesh} (it is a case's own, not a shared one). */
    public boolean owned(EvalMesh mesh) {
        return !shared.containsValue(mesh);
    }

    private EvalMesh openCopy(MeshSpec spec, Path ws, boolean fresh) {
        Path dir = work.resolve("mesh-" + n.incrementAndGet());
        Overlays.copy(template(spec), dir);
        if (fresh) {
            Overlays.deleteStore(dir.resolve("meshpilot.db"));
        }
        MeshStore store = MeshStore.open(dir.resolve("meshpilot.db"));
        if (ws != null) {
            WorkspaceLoader.load(ws, store, Progress.NONE);
        }
        if (spec.alerts() != null) {
            Alerts.receive(spec.alerts(), store, injections);
        }
        SearchIndex index = SearchIndex.open(dir.resolve("index"), new MiniLmEmbedder());
        try {
            index.sync(store);
            return new EvalMesh(dir, store, index, allowlists);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    private Path template(MeshSpec spec) {
        return templates.computeIfAbsent(spec.baseKey(), key -> {
            Path dir = work.resolve("template-" + key);
            MeshStore store = MeshStore.open(dir.resolve("meshpilot.db"));
            WorkspaceLoader.load(workspace(spec), store, Progress.NONE);
            try (SearchIndex index = SearchIndex.open(dir.resolve("index"), new MiniLmEmbedder())) {
                index.sync(store);
            }
            return dir;
        });
    }

    private Path workspace(MeshSpec spec) {
        if (MeshSpec.DEMO.equals(spec.base())) {
            return demo;
        }
        if (MeshSpec.WORKSPACE.equals(spec.base())) {
            return spec.workspace();
        }
        return workspaces.computeIfAbsent(spec.baseKey(), key -> {
            Path out = work.resolve("workspace-" + key);
            new WorkspaceGenerator()
                    .generate(GeneratorSpec.of(spec.products(), spec.days(), spec.seed()), out, Progress.NONE);
            return out;
        });
    }

    @Override
    public void close() {
        shared.values().forEach(EvalMesh::close);
        shared.clear();
    }
}
