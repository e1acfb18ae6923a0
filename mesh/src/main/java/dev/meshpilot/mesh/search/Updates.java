package dev.meshpilot.mesh.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;

/**
 * Writes documents to the index: compares content hashes, embeds what changed in batches, commits with the
 * model id in the commit data, and refreshes the searchers. Callers hold the index's write lock.
 */
final class Updates {
    /** Texts per {@link Embedder#embedAll} call. */
    static final int EMBED_BATCH = 64;

    static final String MODEL_KEY = "meshpilot.search.model";
    static final String LAYOUT_KEY = "meshpilot.search.layout";
    /** Raise when fields or analysis change: older indexes are then emptied and rebuilt by the next sync. */
    static final String LAYOUT = "1";

    private static final Set<String> KEY_AND_HASH = Set.of(Fields.KEY, Fields.HASH);

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Embedder embedder;

    Updates(IndexWriter writer, SearcherManager searchers, Embedder embedder) {
        this.writer = writer;
        this.searchers = searchers;
        this.embedder = embedder;
    }

    static Map<String, String> commitData(Embedder embedder) {
        return Map.of(MODEL_KEY, embedder.modelId(), LAYOUT_KEY, LAYOUT);
    }

    /** True when {@code directory} holds no index, or one written with this model and layout. */
    static boolean compatible(Directory directory, Embedder embedder) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return false;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return commitData(embedder).equals(reader.getIndexCommit().getUserData());
        }
    }

    /** Key to content hash of the indexed documents: all of them ({@code keys} null) or those keys. */
    Map<String, String> hashes(Set<String> keys) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            Map<String, String> out = new HashMap<>();
            StoredFields stored = searcher.storedFields();
            if (keys != null) {
                for (String key : keys) {
                    TopDocs top = searcher.search(new TermQuery(new Term(Fields.KEY, key)), 1);
                    if (top.scoreDocs.length > 0) {
                        out.put(
                                key,
                                stored.document(top.scoreDocs[0].doc, KEY_AND_HASH)
                                        .get(Fields.HASH));
                    }
                }
                return out;
            }
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields leafStored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        Document d = leafStored.document(doc, KEY_AND_HASH);
                        out.put(d.get(Fields.KEY), d.get(Fields.HASH));
                    }
                }
            }
            return out;
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Writes the documents whose hash differs from {@code indexed}, deletes {@code gone}, commits and
     * refreshes. {@code fresh}: the index was just emptied, so documents are added without a lookup.
     */
    SyncResult write(
            List<SearchDocument> docs, Map<String, String> indexed, Set<String> gone, boolean fresh, long start)
            throws IOException {
        String model = embedder.modelId();
        List<SearchDocument> pending = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (SearchDocument d : docs) {
            String hash = d.hash(model);
            String old = indexed.get(d.key());
            if (hash.equals(old)) {
                unchanged++;
                continue;
            }
            if (old == null) {
                added++;
            } else {
                updated++;
            }
            pending.add(d);
            hashes.add(hash);
        }
        for (int from = 0; from < pending.size(); from += EMBED_BATCH) {
            int to = Math.min(pending.size(), from + EMBED_BATCH);
            List<String> texts = new ArrayList<>(to - from);
            pending.subList(from, to).forEach(d -> texts.add(d.embedText()));
            List<float[]> vectors = embedder.embedAll(texts);
            for (int i = from; i < to; i++) {
                SearchDocument d = pending.get(i);
                Document doc = Fields.document(d, vectors.get(i - from), hashes.get(i));
                if (fresh) {
                    writer.addDocument(doc);
                } else {
                    writer.updateDocument(new Term(Fields.KEY, d.key()), doc);
                }
            }
        }
        for (String key : gone) {
            writer.deleteDocuments(new Term(Fields.KEY, key));
        }
        if (fresh || !pending.isEmpty() || !gone.isEmpty()) {
            writer.setLiveCommitData(commitData(embedder).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        }
        return new SyncResult(added, updated, gone.size(), unchanged, Duration.ofNanos(System.nanoTime() - start));
    }
}
