package dev.meshpilot.agents.model;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server-sent event stream through the model client: events in order, failures to onError, never thrown. */
class ModelHttpClientStreamTest {
    WireMockServer model;

    @BeforeEach
    void start() {
        model = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        model.start();
    }

    @AfterEach
    void stop() {
        model.stop();
    }

    static final class Recorder implements ServerSentEventListener {
        final List<String> seen = new ArrayList<>();
        Throwable error;

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            seen.add("open " + response.statusCode());
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            seen.add("event " + event.data());
        }

        @Override
        public void onError(Throwable error) {
            this.error = error;
            seen.add("error " + error.getClass().getSimpleName() + ": " + error.getMessage());
        }

        @Override
        public void onClose() {
            seen.add("close");
        }
    }

    Recorder stream() {
        ModelHttpClient client =
                new ModelHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2));
        HttpRequest req = HttpRequest.builder()
                .method(HttpMethod.POST)
                .url("http://127.0.0.1:" + model.port() + "/v1/chat/completions")
                .addHeader("Content-Type", "application/json")
                .body("{\"stream\":true}")
                .build();
        Recorder r = new Recorder();
        client.execute(req, new DefaultServerSentEventParser(), r);
        return r;
    }

    @Test
    void should_deliver_each_event_in_order_between_open_and_close() {
        model.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody("data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: [DONE]\n\n")));

        assertThat(stream().seen)
                .containsExactly("open 200", "event {\"n\":1}", "event {\"n\":2}", "event [DONE]", "close");
    }

    @Test
    void should_report_a_refused_request_to_on_error_with_its_status() {
        model.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "3")
                        .withBody("slow down")));

        Recorder r = stream();
        assertThat(r.seen).hasSize(1);
        assertThat(r.error).isInstanceOf(ModelStatusException.class);
        ModelStatusException e = (ModelStatusException) r.error;
        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }
}
