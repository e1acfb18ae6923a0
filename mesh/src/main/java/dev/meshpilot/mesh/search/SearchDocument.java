package dev.meshpilot.mesh.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One document before it is indexed: the text of each BM25 field, the text the vector is computed from,
 * and the values shown in a hit. {@code domains} is every domain the document belongs to (for the filter).
 */
record SearchDocument(
        DocType type,
        String id,
        List<String> domains,
        String title,
        String names,
        String body,
        String embedText,
        String snippet) {
    SearchDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        domains = List.copyOf(domains);
        title = title == null || title.isBlank() ? id : title;
        names = names == null ? "" : names;
        body = body == null ? "" : body;
        embedText = embedText == null || embedText.isBlank() ? title : embedText;
        snippet = snippet == null ? "" : snippet;
    }

    /** The index key: type and id, since a product and its contract share an id. */
    String key() {
        return key(type, id);
    }

    static String key(DocType type, String id) {
        return type.wireName() + ":" + id;
    }

    /** The one domain shown in a hit, or null when there is none or several. */
    String shownDomain() {
        return domains.size() == 1 ? domains.get(0) : null;
    }

    /** SHA-256 of everything indexed, and of the embedding model: a change of either means re-indexing. */
    String hash(String modelId) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(
                    modelId, type.wireName(), id, String.join(",", domains), title, names, body, embedText, snippet)) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
