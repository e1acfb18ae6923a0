package dev.meshpilot.evals.run;

import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Checks, before a live or record run, that the model endpoint accepts a connection at all: a model that is
 * not there would otherwise cost every case its retries and end with every case fallen back.
 */
final class ModelProbe {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private ModelProbe() {}

    /** @throws MeshpilotException {@code llm_unavailable}, naming the URL and what to do, when no connection is made */
    static void reachable(ModelConfig model) {
        URI uri;
        try {
            uri = URI.create(model.baseUrl());
        } catch (IllegalArgumentException e) {
            throw failed(model, "not a URL: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw failed(model, "the URL names no host");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        long timeout = Math.min(model.timeout().toMillis(), CONNECT_TIMEOUT.toMillis());
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), (int) Math.max(1, timeout));
        } catch (UnknownHostException e) {
            throw failed(model, "unknown host " + uri.getHost());
        } catch (IOException e) {
            throw failed(model, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static MeshpilotException failed(ModelConfig model, String why) {
        return new MeshpilotException(
                ErrorCode.LLM_UNAVAILABLE,
                "the model endpoint " + model.baseUrl() + " cannot be reached (" + why + "); no case was run. "
                        + "Start the model server, or fix MESHPILOT_MODEL_BASE_URL or model.baseUrl in --config "
                        + "(docs/configuration.md#models)");
    }
}
