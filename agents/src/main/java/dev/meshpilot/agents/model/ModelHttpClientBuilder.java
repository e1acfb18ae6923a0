package dev.meshpilot.agents.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/**
 * Builds the {@link ModelHttpClient} for a config: its total deadline and stall limit come from the config;
 * the connect and read timeouts a provider's model sets on its builder only bound the connect timeout.
 */
final class ModelHttpClientBuilder implements HttpClientBuilder {
    private final ModelConfig config;
    private Duration connectTimeout;

    ModelHttpClientBuilder(ModelConfig config) {
        this.config = config;
        this.connectTimeout = config.timeout();
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        if (timeout != null && timeout.compareTo(config.timeout()) < 0) {
            connectTimeout = timeout;
        }
        return this;
    }

    @Override
    public Duration readTimeout() {
        return config.timeout();
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        return this;
    }

    @Override
    public HttpClient build() {
        return new ModelHttpClient(connectTimeout, config.timeout(), config.stallTimeout());
    }
}
