package dev.meshpilot.mesh.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/** Loads the stored fields of ranked documents into {@link SearchHit}s. */
final class Hits {
    private static final Set<String> SHOWN =
            Set.of(Fields.ID, Fields.TYPE, Fields.DOMAIN_SHOWN, Fields.TITLE, Fields.SNIPPET);

    private Hits() {}

    static List<SearchHit> load(IndexSearcher searcher, List<Fusion.Ranked> ranked) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<SearchHit> out = new ArrayList<>(ranked.size());
        for (Fusion.Ranked r : ranked) {
            Document d = stored.document(r.doc(), SHOWN);
            out.add(new SearchHit(
                    d.get(Fields.ID),
                    DocType.parse(d.get(Fields.TYPE)),
                    d.get(Fields.DOMAIN_SHOWN),
                    d.get(Fields.TITLE),
                    d.get(Fields.SNIPPET),
                    r.score(),
                    r.bm25Rank(),
                    r.vectorRank()));
        }
        return out;
    }
}
