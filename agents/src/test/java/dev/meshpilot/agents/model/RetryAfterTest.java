package dev.meshpilot.agents.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Retry-After is read in both its forms, and reaches the failure the runtime retries on. */
class RetryAfterTest {
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void should_read_seconds_and_http_dates_and_ignore_what_it_cannot_read() {
        assertThat(ModelStatusException.parseRetryAfter("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(ModelStatusException.parseRetryAfter("Mon, 07 Dec 2026 12:00:30 GMT", NOW))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(ModelStatusException.parseRetryAfter("Mon, 07 Dec 2026 11:00:00 GMT", NOW))
                .isEqualTo(Duration.ZERO);
        assertThat(ModelStatusException.parseRetryAfter("soon", NOW)).isNull();
        assertThat(ModelStatusException.parseRetryAfter(null, NOW)).isNull();
    }

    @Test
    void should_classify_a_status_with_its_retry_after_under_the_librarys_exception() {
        var wrapped = new dev.langchain4j.exception.RateLimitException(
                new ModelStatusException(429, "{}", Duration.ofSeconds(2)));

        ModelFailure f = ModelFailure.classify(wrapped);

        assertThat(f.retriable()).isTrue();
        assertThat(f.kind()).isEqualTo(ModelFailure.Kind.STATUS);
        assertThat(f.retryAfterWait()).contains(Duration.ofSeconds(2));
        assertThat(f.described()).isEqualTo("status: model rate-limited the request (HTTP 429)");
    }
}
