package dev.meshpilot.mesh.search;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.util.Set;

/**
 * A search request. {@code text} is free text (any characters; it is never parsed as query syntax);
 * an empty {@code types} or {@code domains} set means all. {@code limit} is 1 to {@value #MAX_LIMIT}.
 *
 * <pre>{@code
 * SearchQuery q = SearchQuery.of("refunds counted twice").withTypes(Set.of(DocType.INCIDENT));
 * }</pre>
 *
 * <p>Fails with {@link ErrorCode#USAGE} on blank text or a limit out of range.
 */
public record SearchQuery(String text, Set<DocType> types, Set<String> domains, int limit, SearchMode mode) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    public SearchQuery {
        if (text == null || text.isBlank()) {
            throw new MeshpilotException(ErrorCode.USAGE, "search text must not be empty");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, "search limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        types = types == null ? Set.of() : Set.copyOf(types);
        domains = domains == null ? Set.of() : Set.copyOf(domains);
        mode = mode == null ? SearchMode.HYBRID : mode;
    }

    /** A hybrid query over all types and domains returning {@value #DEFAULT_LIMIT} hits. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Set.of(), Set.of(), DEFAULT_LIMIT, SearchMode.HYBRID);
    }

    public SearchQuery withTypes(Set<DocType> newTypes) {
        return new SearchQuery(text, newTypes, domains, limit, mode);
    }

    public SearchQuery withDomains(Set<String> newDomains) {
        return new SearchQuery(text, types, newDomains, limit, mode);
    }

    public SearchQuery withLimit(int newLimit) {
        return new SearchQuery(text, types, domains, newLimit, mode);
    }

    public SearchQuery withMode(SearchMode newMode) {
        return new SearchQuery(text, types, domains, limit, newMode);
    }
}
