package dev.meshpilot.server.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code resources/list}, paginated: the server's fixed resources (none, or the conformance fixtures) then
 * the mesh resources the caller may see, {@value #PAGE_SIZE} a page, with an opaque cursor. An invalid cursor
 * is error -32602.
 */
final class ResourcePages {
    static final int PAGE_SIZE = 50;
    private final Supplier<List<McpSchema.Resource>> fixed;
    private final MeshCatalog catalog;

    ResourcePages(Supplier<List<McpSchema.Resource>> fixed, MeshCatalog catalog) {
        this.fixed = fixed;
        this.catalog = catalog;
    }

    McpSchema.JSONRPCMessage answer(McpSchema.JSONRPCRequest request, Caller caller) {
        String cursor = request.params() instanceof Map<?, ?> m && m.get("cursor") instanceof String c ? c : null;
        int offset;
        try {
            offset = cursor == null ? 0 : decode(cursor);
        } catch (IllegalArgumentException e) {
            return McpSchema.JSONRPCResponse.error(
                    request.id(),
                    new McpSchema.JSONRPCResponse.JSONRPCError(
                            -32602, "invalid cursor: pass the nextCursor of the previous page", null));
        }
        List<McpSchema.Resource> all = new ArrayList<>(fixed.get());
        all.addAll(catalog.resources(caller.principal()));
        int from = Math.min(offset, all.size());
        int to = Math.min(from + PAGE_SIZE, all.size());
        McpSchema.ListResourcesResult.Builder page = McpSchema.ListResourcesResult.builder(all.subList(from, to));
        if (to < all.size()) {
            page.nextCursor(encode(to));
        }
        return McpSchema.JSONRPCResponse.result(request.id(), page.build());
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String cursor) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!text.startsWith("offset:")) {
            throw new IllegalArgumentException("not a cursor");
        }
        int offset = Integer.parseInt(text.substring("offset:".length()));
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset");
        }
        return offset;
    }
}
