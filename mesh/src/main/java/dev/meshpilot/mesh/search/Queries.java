package dev.meshpilot.mesh.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the Lucene queries of a search. User text is only ever analysed into terms (never parsed as query
 * syntax), so any input is safe; text that analyses to nothing (only stop words or punctuation) gives no
 * BM25 query at all.
 */
final class Queries {
    private Queries() {}

    /**
     * The BM25 query, term-centric: each distinct analysed term is scored once over all text fields together
     * (BM25F, {@link CombinedFieldQuery}, with the field boosts as weights), and a document must match at
     * least {@link #minimumMatch} of the terms; an exact id match is added on top. Requiring several of the
     * terms keeps documents that share one incidental word with a long query out of the BM25 list, so that
     * list only votes in the fusion when it has real lexical evidence.
     */
    static Query text(Analyzer analyzer, String text, Query filter) {
        Set<String> terms = terms(analyzer, text);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms) {
            CombinedFieldQuery.Builder q = new CombinedFieldQuery.Builder(term);
            Fields.BOOSTS.forEach(q::addField);
            words.add(q.build(), Occur.SHOULD);
        }
        words.setMinimumNumberShouldMatch(minimumMatch(terms.size()));
        String exact = text.strip().toLowerCase(Locale.ROOT);
        Query query = new BooleanQuery.Builder()
                .add(words.build(), Occur.SHOULD)
                .add(
                        new BoostQuery(new TermQuery(new Term(Fields.ID_EXACT, exact)), Fields.ID_EXACT_BOOST),
                        Occur.SHOULD)
                .build();
        return filter == null ? query : withFilter(query, filter);
    }

    /** Terms a document must match: one of one or two, two of three or four, then half, rounded up. */
    static int minimumMatch(int terms) {
        return terms <= 2 ? 1 : (terms + 1) / 2;
    }

    /** The distinct analysed terms of {@code text}, in order. */
    static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The k nearest vectors among the documents the filter lets through. */
    static Query vector(float[] vector, int k, Query filter) {
        return new KnnFloatVectorQuery(Fields.VECTOR, vector, k, filter);
    }

    /** The type and domain filter, or null when the query asks for everything. */
    static Query filter(Set<DocType> types, Set<String> domains) {
        if (types.isEmpty() && domains.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (!types.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            types.forEach(t -> any.add(new TermQuery(new Term(Fields.TYPE, t.wireName())), Occur.SHOULD));
            all.add(any.build(), Occur.FILTER);
        }
        if (!domains.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            domains.forEach(d -> any.add(new TermQuery(new Term(Fields.DOMAIN, d)), Occur.SHOULD));
            all.add(any.build(), Occur.FILTER);
        }
        return all.build();
    }

    private static Query withFilter(Query query, Query filter) {
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
    }
}
