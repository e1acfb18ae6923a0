package dev.meshpilot.agents.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A configured model endpoint. {@code provider}: {@code openai} (any OpenAI-compatible endpoint: OpenAI, vLLM,
 * llama.cpp server, LM Studio, Ollama's {@code /v1}), {@code ollama} (Ollama's native API) or {@code anthropic}.
 * The API key is the value itself, read by the server from the environment variable the config names; it is
 * never logged. {@code maxRetries} counts retries of retriable failures (429, 5xx, timeouts), not attempts.
 * {@code timeout} is the total deadline of one request — headers and the whole body; {@code stallTimeout} how
 * long the body may stop once the headers are in (default half the timeout, at most 30 s).
 */
public record ModelConfig(
        String provider,
        String baseUrl,
        String model,
        String apiKey,
        Duration timeout,
        int maxRetries,
        Duration backoff,
        Duration stallTimeout) {
    public static final List<String> PROVIDERS = List.of("openai", "ollama", "anthropic");

    public ModelConfig {
        Objects.requireNonNull(provider, "provider");
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("model provider '" + provider + "' is not one of " + PROVIDERS);
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("model baseUrl is required (e.g. http://127.0.0.1:11434/v1)");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model name is required (e.g. llama3.1:8b)");
        }
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        backoff = backoff == null ? Duration.ofMillis(500) : backoff;
        if (stallTimeout == null) {
            Duration half = timeout.dividedBy(2);
            stallTimeout = half.compareTo(Duration.ofSeconds(30)) > 0
                    ? Duration.ofSeconds(30)
                    : half.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : half;
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("model maxRetries must be 0..10, not " + maxRetries);
        }
    }

    /** A config with the default stall limit (half the timeout, at most 30 s). */
    public ModelConfig(
            String provider,
            String baseUrl,
            String model,
            String apiKey,
            Duration timeout,
            int maxRetries,
            Duration backoff) {
        this(provider, baseUrl, model, apiKey, timeout, maxRetries, backoff, null);
    }

    /** {@code provider:model}, as reports record it. */
    public String id() {
        return provider + ":" + model;
    }

    @Override
    public String toString() {
        return "ModelConfig[" + id() + " at " + baseUrl + ", timeout " + timeout + ", retries " + maxRetries + "]";
    }
}
