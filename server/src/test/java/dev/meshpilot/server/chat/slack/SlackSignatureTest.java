package dev.meshpilot.server.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Slack's v0 signature, checked against Slack's published test vector and with the window on both sides. */
class SlackSignatureTest {
    static final Path VECTOR = Path.of(
            System.getProperty("meshpilot.standards", "../../shared/standards"), "slack", "signature_test_vector.json");

    static JsonNode vector() throws IOException {
        assumeTrue(Files.isRegularFile(VECTOR), "shared standards folder not found at " + VECTOR + ": skipping");
        return new ObjectMapper().readTree(VECTOR.toFile());
    }

    static SlackSignature at(String secret, long epochSecond) {
        return new SlackSignature(secret, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void should_accept_slacks_published_request_when_the_clock_is_within_the_window() throws IOException {
        JsonNode v = vector();
        long ts = v.path("x_slack_request_timestamp").asLong();
        SlackSignature s = at(v.path("signing_secret").asText(), ts + 299);
        byte[] body = v.path("raw_body").asText().getBytes(StandardCharsets.UTF_8);

        assertThat(s.problem(
                        String.valueOf(ts), v.path("expected_x_slack_signature").asText(), body))
                .isEmpty();
        assertThat("v0=" + s.sign(String.valueOf(ts), body))
                .isEqualTo(v.path("expected_x_slack_signature").asText());
    }

    @Test
    void should_refuse_slacks_published_request_when_a_byte_of_the_body_changed() throws IOException {
        JsonNode v = vector();
        long ts = v.path("x_slack_request_timestamp").asLong();
        byte[] tampered =
                v.path("raw_body").asText().replace("roadrunner", "coyote").getBytes(StandardCharsets.UTF_8);

        assertThat(at(v.path("signing_secret").asText(), ts)
                        .problem(
                                String.valueOf(ts),
                                v.path("expected_x_slack_signature").asText(),
                                tampered))
                .contains("signature does not match");
    }

    @Test
    void should_refuse_a_request_signed_with_another_secret() throws IOException {
        JsonNode v = vector();
        long ts = v.path("x_slack_request_timestamp").asLong();
        byte[] body = v.path("raw_body").asText().getBytes(StandardCharsets.UTF_8);

        assertThat(at("not-the-secret", ts)
                        .problem(
                                String.valueOf(ts),
                                v.path("expected_x_slack_signature").asText(),
                                body))
                .contains("signature does not match");
    }

    @Test
    void should_refuse_stale_and_future_timestamps_even_when_correctly_signed() {
        long now = 1_800_000_000L;
        SlackSignature s = at("secret", now);
        byte[] body = "text=help".getBytes(StandardCharsets.UTF_8);
        long window = SlackSignature.WINDOW.toSeconds();
        for (long ts : new long[] {now - window - 1, now + window + 1}) {
            String sig = "v0=" + s.sign(String.valueOf(ts), body);
            assertThat(s.problem(String.valueOf(ts), sig, body))
                    .get()
                    .asString()
                    .contains("outside the 300 s window");
        }
        for (long ts : new long[] {now - window, now + window}) {
            assertThat(s.problem(String.valueOf(ts), "v0=" + s.sign(String.valueOf(ts), body), body))
                    .isEmpty();
        }
    }

    @Test
    void should_refuse_missing_or_malformed_headers() {
        SlackSignature s = at("secret", 1_800_000_000L);
        byte[] body = new byte[0];
        assertThat(s.problem(null, "v0=00", body)).isPresent();
        assertThat(s.problem("12ab", "v0=00", body)).isPresent();
        assertThat(s.problem("1800000000", null, body)).isPresent();
        assertThat(s.problem("1800000000", "v1=" + s.sign("1800000000", body), body))
                .isPresent();
    }

    @Test
    void should_remember_a_signature_for_the_keep_time_only() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        ReplayCache cache = new ReplayCache(clock, Duration.ofMinutes(10));
        assertThat(cache.first("v0=abc")).isTrue();
        assertThat(cache.first("v0=abc")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThat(cache.first("v0=abc")).isTrue();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
