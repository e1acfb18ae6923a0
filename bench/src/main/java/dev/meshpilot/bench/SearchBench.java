package dev.meshpilot.bench;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.generate.GenerateResult;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.mesh.search.Embedder;
import dev.meshpilot.mesh.search.MiniLmEmbedder;
import dev.meshpilot.mesh.search.SearchIndex;
import dev.meshpilot.mesh.search.SearchMode;
import dev.meshpilot.mesh.search.SearchQuery;
import dev.meshpilot.mesh.search.SyncResult;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.LoadResult;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code meshpilot bench search}: generates a mesh big enough for {@code documents} search documents
 * (products + one contract each + past incidents + runbooks), loads it, indexes it with the real model
 * (embedding throughput and total time), then measures hybrid query latency over queries drawn from the
 * generated vocabulary (after a warm-up) and HNSW recall@10 against exact brute force on the stored vectors.
 */
public final class SearchBench {
    private static final int WARM_UP = 200;
    private static final int RECALL_QUERIES = 200;

    private SearchBench() {}

    public static void run(int documents, int queries, Path workDir, PrintStream out) {
        int products = productsFor(documents);
        Path db = workDir.resolve("meshpilot.db");
        // A finished earlier run in the same folder (same size) is reused: indexing 100,000 documents takes
        // over half an hour here, the query measurements a few minutes.
        boolean existed = Files.isRegularFile(db);
        MeshStore store = MeshStore.open(db);
        boolean reuse = existed && store.count("product") == products;
        long t0 = System.nanoTime();
        if (reuse) {
            out.printf("reusing the %,d-product mesh in %s%n", products, workDir);
        } else {
            Path ws = workDir.resolve("workspace");
            GenerateResult g = new WorkspaceGenerator().generate(GeneratorSpec.of(products, 1, 42), ws, Progress.NONE);
            out.printf("generated %,d products, %,d contracts in %,d ms%n", g.products(), g.contracts(), ms(t0));
            t0 = System.nanoTime();
            LoadResult loaded = WorkspaceLoader.load(ws, store, Progress.NONE);
            out.printf("loaded %,d products in %,d ms%n", loaded.products(), ms(t0));
        }
        List<String> texts = queryTexts(store, Math.max(queries, RECALL_QUERIES) + WARM_UP);

        TimedEmbedder embedder = new TimedEmbedder(new MiniLmEmbedder());
        t0 = System.nanoTime();
        embedder.embed("warm up the model");
        out.printf("model loaded and warm in %,d ms%n", ms(t0));
        embedder.reset();
        try (SearchIndex index = SearchIndex.open(workDir.resolve("index"), embedder)) {
            if (reuse && index.count() >= documents * 0.9) {
                out.printf("reusing its index of %,d documents (indexing not measured in this run)%n", index.count());
            } else {
                measureIndexing(index, store, embedder, out);
            }

            out.flush();

            for (int i = 0; i < WARM_UP; i++) {
                index.search(SearchQuery.of(texts.get(i)));
            }
            long[] nanos = new long[queries];
            long[] embedNanos = new long[queries];
            for (int i = 0; i < queries; i++) {
                String text = texts.get(WARM_UP + i);
                long a = System.nanoTime();
                embedder.delegate.embed(text);
                long b = System.nanoTime();
                index.search(SearchQuery.of(text));
                nanos[i] = System.nanoTime() - b;
                embedNanos[i] = b - a;
            }
            out.printf(
                    "hybrid query latency over %,d queries (limit 10, 50 BM25 and %d vector candidates): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    queries,
                    100,
                    Percentiles.millis(nanos, 50),
                    Percentiles.millis(nanos, 95),
                    Percentiles.millis(nanos, 99),
                    Percentiles.millis(nanos, 100));
            out.printf(
                    "  embedding the query alone: p50 %.2f ms, p95 %.2f ms%n",
                    Percentiles.millis(embedNanos, 50), Percentiles.millis(embedNanos, 95));
            long[] bm25Nanos = new long[queries];
            long[] knnNanos = new long[queries];
            for (int i = 0; i < queries; i++) {
                String text = texts.get(WARM_UP + i);
                float[] vector = embedder.delegate.embed(text);
                long a = System.nanoTime();
                index.search(new SearchQuery(text, Set.of(), Set.of(), 10, SearchMode.BM25));
                long b = System.nanoTime();
                index.search(new SearchQuery(text, Set.of(), Set.of(), 10, SearchMode.VECTOR), vector);
                knnNanos[i] = System.nanoTime() - b;
                bm25Nanos[i] = b - a;
            }
            out.printf(
                    "  BM25 alone: p50 %.2f ms, p95 %.2f ms; vectors alone, query already embedded: p50 %.2f ms, "
                            + "p95 %.2f ms%n",
                    Percentiles.millis(bm25Nanos, 50),
                    Percentiles.millis(bm25Nanos, 95),
                    Percentiles.millis(knnNanos, 50),
                    Percentiles.millis(knnNanos, 95));
            out.flush();

            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < RECALL_QUERIES; i++) {
                vectors.add(embedder.delegate.embed(texts.get(WARM_UP + i)));
            }
            for (int candidates : new int[] {10, 50, 100}) {
                VectorRecall.Result rr = VectorRecall.measure(index, vectors, 10, candidates);
                out.printf(
                        "HNSW recall@10 (k=%d) vs exact over %,d vectors, %d queries: %.4f by id, %.4f counting ties "
                                + "(exact %.1f ms/query, HNSW %.2f ms/query)%n",
                        candidates,
                        rr.documents(),
                        rr.queries(),
                        rr.recall(),
                        rr.recallWithTies(),
                        rr.exactMillis(),
                        rr.hnswMillis());
            }
        }
    }

    private static void measureIndexing(SearchIndex index, MeshStore store, TimedEmbedder embedder, PrintStream out) {
        SyncResult r = index.rebuild(store);
        double embedSeconds = embedder.nanos.get() / 1e9;
        out.printf(
                "indexed %,d documents in %.1f s (%.0f docs/s overall); embedding %,d texts took %.1f s: %.1f docs/s%n",
                index.count(),
                r.took().toMillis() / 1e3,
                index.count() / (r.took().toMillis() / 1e3),
                embedder.texts.get(),
                embedSeconds,
                embedder.texts.get() / embedSeconds);
    }

    /** Products such that products + contracts + past incidents (1 per 20 products, 3 to 500) + 7 runbooks ≈ documents. */
    static int productsFor(int documents) {
        int p = (int) Math.round((documents - 7) / 2.05);
        if (p / 20 > 500) {
            p = (documents - 7 - 500) / 2;
        }
        return Math.max(1, p);
    }

    /** Query texts from the generated vocabulary: two to four consecutive words of a random product's name and description. */
    static List<String> queryTexts(MeshStore store, int n) {
        List<String> all = store.withHandle(
                h -> h.createQuery("SELECT name || ' ' || coalesce(description, '') FROM product ORDER BY id")
                        .mapTo(String.class)
                        .list());
        Random rng = new Random(42);
        // the same products every run on the same mesh, so runs compare
        List<String> sources = new ArrayList<>(all);
        java.util.Collections.shuffle(sources, rng);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] words = sources.get(i % sources.size()).split("\\s+");
            int len = Math.min(words.length, 2 + rng.nextInt(3));
            int from = rng.nextInt(Math.max(1, words.length - len + 1));
            out.add(String.join(" ", Arrays.copyOfRange(words, from, from + len)));
        }
        return out;
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Counts texts and time spent in {@link Embedder#embedAll}, the indexing path. */
    private static final class TimedEmbedder implements Embedder {
        final Embedder delegate;
        final AtomicLong nanos = new AtomicLong();
        final AtomicLong texts = new AtomicLong();

        TimedEmbedder(Embedder delegate) {
            this.delegate = delegate;
        }

        void reset() {
            nanos.set(0);
            texts.set(0);
        }

        @Override
        public int dimensions() {
            return delegate.dimensions();
        }

        @Override
        public String modelId() {
            return delegate.modelId();
        }

        @Override
        public float[] embed(String text) {
            return delegate.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> batch) {
            long t = System.nanoTime();
            List<float[]> v = delegate.embedAll(batch);
            nanos.addAndGet(System.nanoTime() - t);
            texts.addAndGet(batch.size());
            return v;
        }
    }
}
