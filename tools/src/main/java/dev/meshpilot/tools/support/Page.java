package dev.meshpilot.tools.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One page of a list result: where it starts and how many items it may hold. Cursors are opaque to callers
 * ({@code base64url("<tool>:<offset>")}), bound to the tool that issued them so one tool's cursor is never
 * read as another's.
 *
 * <pre>{@code
 * Page page = Page.of(args, "recent_runs", 20, 100);  // limit from args, default 20, at most 100
 * List<RunRecord> runs = activity.runs(id, null, page.offset(), page.limit());
 * page.describe(data, total, runs.size());            // total, returned, nextCursor
 * }</pre>
 */
public record Page(String tool, int offset, int limit) {
    /** The page {@code args} asks for; throws {@link IllegalArgumentException} for a cursor this tool did not issue. */
    public static Page of(JsonNode args, String tool, int defaultLimit, int maxLimit) {
        int limit = Math.min(maxLimit, Args.integer(args, "limit", defaultLimit));
        Optional<String> cursor = Args.string(args, "cursor");
        int offset = cursor.map(c -> decode(tool, c)).orElse(0);
        return new Page(tool, offset, limit);
    }

    /** The items of this page out of all of them. */
    public <T> List<T> slice(List<T> all) {
        return all.stream().skip(offset).limit(limit).toList();
    }

    /** Writes {@code total}, {@code returned} and {@code nextCursor} (null on the last page) into {@code data}. */
    public void describe(ObjectNode data, int total, int returned) {
        data.put("total", total);
        data.put("returned", returned);
        int next = offset + returned;
        if (returned > 0 && next < total) {
            data.put("nextCursor", encode(tool, next));
        } else {
            data.putNull("nextCursor");
        }
    }

    /** The cursor of the page after this one, or null on the last page (for a result record's nextCursor). */
    public String next(int total, int returned) {
        int next = offset + returned;
        return returned > 0 && next < total ? encode(tool, next) : null;
    }

    static String encode(String tool, int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((tool + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String tool, String cursor) {
        String invalid = "cursor '" + cursor + "' was not issued by " + tool + "; pass the nextCursor of a previous "
                + tool + " result, or omit it for the first page";
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(tool + ":")) {
                throw new IllegalArgumentException(invalid);
            }
            int offset = Integer.parseInt(text.substring(tool.length() + 1));
            if (offset < 0) {
                throw new IllegalArgumentException(invalid);
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(invalid, e);
        }
    }

    /** The input-schema properties {@code limit} and {@code cursor}. */
    public static Schema arguments(Schema input, int defaultLimit, int maxLimit) {
        return input.optional(
                        "limit",
                        Schema.integer(
                                1,
                                maxLimit,
                                "Items per page (default " + defaultLimit + ", at most " + maxLimit + ")."))
                .optional("cursor", Schema.string(1, 200, "The nextCursor of a previous result of this tool."));
    }
}
