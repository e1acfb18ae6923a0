package dev.meshpilot.mesh.search;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The search index of the mesh: a Lucene index in a folder (by convention {@code <home>/index}) with one
 * document per product, current contract, runbook and incident.
 *
 * <pre>{@code
 * try (SearchIndex index = SearchIndex.open(home.resolve("index"), new MiniLmEmbedder())) {
 *     index.sync(store);                       // after a load: re-embeds only what changed
 *     List<SearchHit> hits = index.search(SearchQuery.of("refunds counted twice"));
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of searches run concurrently with one update ({@link #sync}, {@link #rebuild},
 * {@link #updateIncidents}; updates take turns). A search sees the index as of the last finished update.
 * One process at a time may open a folder: a second open fails with {@link ErrorCode#STORE_FAILED}, as do
 * I/O errors; a query with blank text fails with {@link ErrorCode#USAGE} when it is built.
 */
public final class SearchIndex implements AutoCloseable {
    /** How many hits BM25 contributes to the fusion. */
    static final int CANDIDATES = 50;
    /**
     * How many neighbours the HNSW vector search is asked for (and contributes to the fusion): at 100,000
     * documents asking for 50 found 0.94 of the exact top 10, asking for 100 found 0.96, for 0.4 ms more
     * (docs/benchmarks.md).
     */
    public static final int VECTOR_CANDIDATES = 100;
    /** The field holding each document's embedding, for measurements through {@link #withSearcher}. */
    public static final String VECTOR_FIELD = Fields.VECTOR;
    /** Where hybrid queries embed their text; a virtual thread per query, so nothing to size or close. */
    private static final ExecutorService EMBEDDING = Executors.newVirtualThreadPerTaskExecutor();

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Embedder embedder;
    private final MeshAnalyzer analyzer;
    private final Updates updates;
    private final ReentrantLock writing = new ReentrantLock();

    private SearchIndex(Path dir, Directory directory, IndexWriter writer, Embedder embedder, MeshAnalyzer analyzer)
            throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.embedder = embedder;
        this.analyzer = analyzer;
        this.updates = new Updates(writer, searchers, embedder);
    }

    /**
     * Opens the index in {@code dir}, creating the folder and an empty index if needed. An index written
     * with another embedding model or an older layout is emptied; the next {@link #sync} fills it.
     */
    public static SearchIndex open(Path dir, Embedder embedder) {
        MeshAnalyzer analyzer = new MeshAnalyzer();
        Directory directory = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            boolean compatible = Updates.compatible(directory, embedder);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(
                            compatible
                                    ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                                    : IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(128);
            IndexWriter writer = new IndexWriter(directory, config);
            if (!compatible) {
                writer.setLiveCommitData(Updates.commitData(embedder).entrySet());
                writer.commit();
            }
            return new SearchIndex(dir, directory, writer, embedder, analyzer);
        } catch (LockObtainFailedException e) {
            close(directory);
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED,
                    "the search index " + dir + " is open in another process (a running server?); stop it first",
                    e);
        } catch (IOException e) {
            close(directory);
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot open the search index " + dir, e);
        }
    }

    /** The hits of {@code q}, best first, at most {@code q.limit()}. */
    public List<SearchHit> search(SearchQuery q) {
        return switch (q.mode()) {
            case BM25 -> search(q, (float[]) null);
            case VECTOR -> search(q, embedder.embed(q.text()));
            case HYBRID -> {
                // the model embeds the query on another thread while BM25 runs: on two or more cores a hybrid
                // query costs about the longer of the two rather than their sum
                Future<float[]> vector = EMBEDDING.submit(() -> embedder.embed(q.text()));
                yield search(q, () -> await(vector));
            }
        };
    }

    /**
     * The hits of {@code q} with {@code vector} as the meaning side instead of the embedding of {@code q.text()}
     * — e.g. an indexed document's own vector ({@link #vectorOf}), to find documents like it without
     * embedding its text again.
     */
    public List<SearchHit> search(SearchQuery q, float[] vector) {
        return search(q, () -> vector);
    }

    private List<SearchHit> search(SearchQuery q, Supplier<float[]> vectorSource) {
        Query filter = Queries.filter(q.types(), q.domains());
        int n = Math.max(CANDIDATES, q.limit());
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ScoreDoc[] bm25 = new ScoreDoc[0];
                ScoreDoc[] knn = new ScoreDoc[0];
                if (q.mode() != SearchMode.VECTOR) {
                    Query text = Queries.text(analyzer, q.text(), filter);
                    bm25 = text == null ? bm25 : searcher.search(text, n).scoreDocs;
                }
                float[] vector = q.mode() == SearchMode.BM25 ? null : vectorSource.get();
                if (vector != null) {
                    int k = Math.max(VECTOR_CANDIDATES, q.limit());
                    knn = searcher.search(Queries.vector(vector, k, filter), k).scoreDocs;
                }
                List<Fusion.Ranked> ranked = switch (q.mode()) {
                    case BM25 -> Fusion.single(bm25, true);
                    case VECTOR -> Fusion.single(knn, false);
                    case HYBRID -> Fusion.fuse(bm25, knn);
                };
                return Hits.load(searcher, ranked.subList(0, Math.min(q.limit(), ranked.size())));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "search failed in " + dir, e);
        }
    }

    private static float[] await(Future<float[]> vector) {
        try {
            return vector.get();
        } catch (InterruptedException e) {
            vector.cancel(true);
            Thread.currentThread().interrupt();
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "search interrupted while embedding the query", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot embed the query: " + e.getCause(), e);
        }
    }

    /**
     * Brings the index in line with the store: builds every document, compares its content hash with the
     * indexed one, re-embeds and rewrites only the changed ones, deletes those gone from the store.
     */
    public SyncResult sync(MeshStore store) {
        long start = System.nanoTime();
        List<SearchDocument> docs = SearchDocuments.all(store);
        writing.lock();
        try {
            Map<String, String> indexed = updates.hashes(null);
            Set<String> gone = new HashSet<>(indexed.keySet());
            docs.forEach(d -> gone.remove(d.key()));
            return updates.write(docs, indexed, gone, false, start);
        } catch (IOException e) {
            throw failed("sync", e);
        } finally {
            writing.unlock();
        }
    }

    /** Drops every document and indexes the store afresh; searches see the old index until it is done. */
    public SyncResult rebuild(MeshStore store) {
        long start = System.nanoTime();
        List<SearchDocument> docs = SearchDocuments.all(store);
        writing.lock();
        try {
            int before = count();
            writer.deleteAll();
            SyncResult r = updates.write(docs, Map.of(), Set.of(), true, start);
            return new SyncResult(r.added(), 0, before, 0, r.took());
        } catch (IOException e) {
            throw failed("rebuild", e);
        } finally {
            writing.unlock();
        }
    }

    /** Re-indexes the given incidents after an ingest opened or updated them; ids gone from the store are removed. */
    public SyncResult updateIncidents(MeshStore store, Collection<String> incidentIds) {
        long start = System.nanoTime();
        List<SearchDocument> docs = SearchDocuments.incidents(store, Set.copyOf(incidentIds));
        writing.lock();
        try {
            Set<String> keys = new HashSet<>();
            incidentIds.forEach(id -> keys.add(SearchDocument.key(DocType.INCIDENT, id)));
            Map<String, String> indexed = updates.hashes(keys);
            Set<String> gone = new HashSet<>(indexed.keySet());
            docs.forEach(d -> gone.remove(d.key()));
            return updates.write(docs, indexed, gone, false, start);
        } catch (IOException e) {
            throw failed("update", e);
        } finally {
            writing.unlock();
        }
    }

    /** The number of documents searches currently see. */
    /** The stored vector of an indexed document, if it is in the index. */
    public java.util.Optional<float[]> vectorOf(DocType type, String id) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                var top = searcher.search(
                        new org.apache.lucene.search.TermQuery(
                                new org.apache.lucene.index.Term(Fields.KEY, SearchDocument.key(type, id))),
                        1);
                if (top.scoreDocs.length == 0) {
                    return java.util.Optional.empty();
                }
                int doc = top.scoreDocs[0].doc;
                var leaves = searcher.getIndexReader().leaves();
                var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
                var values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
                if (values == null) {
                    return java.util.Optional.empty();
                }
                var it = values.iterator();
                int target = doc - leaf.docBase;
                return it.advance(target) == target
                        ? java.util.Optional.of(values.vectorValue(it.index()).clone())
                        : java.util.Optional.empty();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot read the search index " + dir, e);
        }
    }

    public int count() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of the index. */
    public Path dir() {
        return dir;
    }

    /**
     * Runs {@code task} with a searcher over the current index, for measurements outside the product (the
     * bench module's HNSW recall); the searcher is released when the task returns.
     */
    public <R> R withSearcher(SearcherTask<R> task) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return task.run(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Work on a searcher, for {@link #withSearcher}. */
    public interface SearcherTask<R> {
        R run(IndexSearcher searcher) throws IOException;
    }

    @Override
    public void close() {
        writing.lock();
        try {
            searchers.close();
            writer.close();
            directory.close();
            analyzer.close();
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot close the search index " + dir, e);
        } finally {
            writing.unlock();
        }
    }

    private MeshpilotException failed(String what, IOException e) {
        return new MeshpilotException(ErrorCode.STORE_FAILED, "search index " + what + " failed in " + dir, e);
    }

    private static void close(Directory directory) {
        try {
            if (directory != null) {
                directory.close();
            }
        } catch (IOException ignored) {
            // already failing
        }
    }
}
