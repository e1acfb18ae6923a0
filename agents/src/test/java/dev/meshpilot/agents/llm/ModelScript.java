package dev.meshpilot.agents.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.meshpilot.agents.model.ModelConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted model conversation served by WireMock in one provider's wire format: each model request gets the
 * next scripted response (a tool call, an answer, an HTTP error, a slow answer), in order.
 */
abstract class ModelScript {
    final List<ResponseDefinitionBuilder> steps = new ArrayList<>();

    abstract String path();

    abstract ModelConfig config(String baseUrl, Duration timeout);

    /** A response asking for one tool call; {@code arguments} is the raw JSON text the model produced. */
    abstract String toolCallBody(String tool, String arguments);

    abstract String answerBody(String text);

    ModelScript toolCall(String tool, String arguments) {
        steps.add(ok(toolCallBody(tool, arguments)));
        return this;
    }

    ModelScript answer(String text) {
        steps.add(ok(answerBody(text)));
        return this;
    }

    ModelScript status(int code, String body) {
        steps.add(aResponse()
                .withStatus(code)
                .withHeader("Content-Type", "application/json")
                .withBody(body));
        return this;
    }

    ModelScript slowAnswer(String text, int delayMillis) {
        steps.add(ok(answerBody(text)).withFixedDelay(delayMillis));
        return this;
    }

    /** A rate limit or unavailability asking the client to wait {@code retryAfter} (seconds or a date). */
    ModelScript statusRetryAfter(int code, String retryAfter) {
        steps.add(aResponse()
                .withStatus(code)
                .withHeader("Content-Type", "application/json")
                .withHeader("Retry-After", retryAfter)
                .withBody("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}"));
        return this;
    }

    /** An answer whose headers come at once and whose body comes in {@code chunks} pieces over {@code millis}. */
    ModelScript dribbled(String text, int chunks, int millis) {
        steps.add(ok(answerBody(text)).withChunkedDribbleDelay(chunks, millis));
        return this;
    }

    /** Installs the script; requests beyond it get HTTP 500. */
    void install(WireMockServer wm) {
        wm.resetAll();
        for (int i = 0; i < steps.size(); i++) {
            wm.stubFor(post(urlPathEqualTo(path()))
                    .inScenario("conversation")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step" + i)
                    .willReturn(steps.get(i))
                    .willSetStateTo("step" + (i + 1)));
        }
        wm.stubFor(post(urlPathEqualTo(path()))
                .inScenario("conversation")
                .whenScenarioStateIs("step" + steps.size())
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"script exhausted\"}")));
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }
}
