package dev.meshpilot.mesh.search;

import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** The Lucene fields of a document, and the boost of each BM25 field. */
final class Fields {
    /** {@code type:id}, unique; the term documents are updated and deleted by. */
    static final String KEY = "key";

    static final String ID = "id";
    /** The id in lower case, not analysed: an exact id match. */
    static final String ID_EXACT = "id_exact";

    static final String TYPE = "type";
    /** Every domain of the document (filter only). */
    static final String DOMAIN = "domain";
    /** The one domain shown in a hit (stored only). */
    static final String DOMAIN_SHOWN = "domain_shown";

    static final String TITLE = "title";
    static final String ID_TEXT = "id_text";
    static final String NAMES = "names";
    static final String BODY = "body";
    static final String SNIPPET = "snippet";
    static final String HASH = "hash";
    static final String VECTOR = "vector";

    /** BM25 fields and their boosts: a word in the title counts three times one in the body. */
    static final Map<String, Float> BOOSTS = Map.of(TITLE, 3f, ID_TEXT, 2f, NAMES, 1.5f, BODY, 1f);

    static final float ID_EXACT_BOOST = 10f;

    private Fields() {}

    static Document document(SearchDocument d, float[] vector, String hash) {
        Document doc = new Document();
        doc.add(new StringField(KEY, d.key(), Field.Store.YES));
        doc.add(new StoredField(ID, d.id()));
        doc.add(new StringField(ID_EXACT, d.id().toLowerCase(Locale.ROOT), Field.Store.NO));
        doc.add(new StringField(TYPE, d.type().wireName(), Field.Store.YES));
        d.domains().forEach(domain -> doc.add(new StringField(DOMAIN, domain, Field.Store.NO)));
        if (d.shownDomain() != null) {
            doc.add(new StoredField(DOMAIN_SHOWN, d.shownDomain()));
        }
        doc.add(new TextField(TITLE, d.title(), Field.Store.YES));
        doc.add(new TextField(ID_TEXT, d.id(), Field.Store.NO));
        doc.add(new TextField(NAMES, d.names(), Field.Store.NO));
        doc.add(new TextField(BODY, d.body(), Field.Store.NO));
        doc.add(new StoredField(SNIPPET, d.snippet()));
        doc.add(new StoredField(HASH, hash));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        return doc;
    }
}
