package dev.meshpilot.agents.model;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A model server's answer with a non-2xx status, with the wait its {@code Retry-After} header asked for
 * (seconds or an HTTP date), if any. Thrown by the model HTTP client; the provider's model maps it to the
 * library's exception with this as the cause, where {@link ModelFailure} finds it.
 */
final class ModelStatusException extends HttpException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    ModelStatusException(int status, String body, Duration retryAfter) {
        super(status, body);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The wait a {@code Retry-After} value asks for, from {@code now}; null when absent or unreadable. */
    static Duration parseRetryAfter(String value, ZonedDateTime now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
