package dev.meshpilot.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** What the JSON endpoints share about request bodies: the content type, and reading at most a limit. */
final class RequestBodies {
    private RequestBodies() {}

    /** The request's Content-Type, lower case ("" when absent). */
    static String contentType(ServerRequest req) {
        return req.headers().first(HeaderNames.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT);
    }

    static boolean isJson(String contentType) {
        return contentType.startsWith("application/json");
    }

    /** The body as UTF-8, or empty when it is longer than {@code maxBytes} (then only maxBytes + 1 were read). */
    static Optional<String> read(InputStream in, long maxBytes) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return bytes.length > maxBytes ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
