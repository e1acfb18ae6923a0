package dev.meshpilot.server.http;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.mesh.store.Json;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes RFC 9457 problem responses with Meshpilot's stable error code and every detail. */
final class Problems {
    private Problems() {}

    static void send(ServerResponse res, Status status, ErrorCode code, String detail, List<String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://meshpilot.dev/problems/" + code.wireName());
        body.put("title", status.reasonPhrase());
        body.put("status", status.code());
        body.put("code", code.wireName());
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        res.status(status);
        res.header(HeaderValues.create("Content-Type", "application/problem+json"));
        res.send(Json.write(body));
    }

    static void json(ServerResponse res, Status status, Object value) {
        res.status(status);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(Json.write(value));
    }
}
