package dev.meshpilot.agents.model;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A model call that failed, classified: retriable (rate limited, server error, deadline, stall, connection
 * refused) or not (bad credentials, bad request, unknown model, a host name that does not resolve), what kind
 * of failure ({@link Kind}: {@code connect}, {@code status}, {@code deadline}, {@code stall}), a short reason
 * in words fit for a report ({@code model timed out}, {@code model returned HTTP 401}), and the wait the
 * server asked for in {@code Retry-After}, if it did.
 */
public record ModelFailure(boolean retriable, String reason, Kind kind, Duration retryAfter) {
    /** What failed; {@code schema} and {@code budget} are the runtime's, for answers and budgets. */
    public enum Kind {
        CONNECT,
        STATUS,
        DEADLINE,
        STALL,
        SCHEMA,
        BUDGET;

        /** {@code connect}, {@code status}, ...: the first word of a fallback reason. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A failure of a kind the caller does not know ({@code status} when unsure), without a Retry-After. */
    public ModelFailure(boolean retriable, String reason) {
        this(retriable, reason, Kind.STATUS, null);
    }

    /** The Retry-After wait, if the server sent one. */
    public Optional<Duration> retryAfterWait() {
        return Optional.ofNullable(retryAfter);
    }

    /** {@code <kind>: <reason>}, e.g. {@code stall: model response stalled: ...}: how a fallback reason reads. */
    public String described() {
        return kind.wireName() + ": " + reason;
    }

    public static ModelFailure classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ModelTransportException m) {
                return new ModelFailure(m.retriable(), m.getMessage(), m.kind(), null);
            }
            // before ConnectException, which the JDK's client wraps around an unresolved address
            if (c instanceof UnresolvedModelServerException
                    || c instanceof UnknownHostException
                    || c instanceof UnresolvedAddressException) {
                return new ModelFailure(
                        false, "model server cannot be reached (its host name does not resolve)", Kind.CONNECT, null);
            }
        }
        Duration retryAfter = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ModelStatusException s) {
                retryAfter = s.retryAfter().orElse(null);
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException
                    || c instanceof HttpTimeoutException
                    || c instanceof java.util.concurrent.TimeoutException) {
                return new ModelFailure(true, "model timed out", Kind.DEADLINE, null);
            }
            if (c instanceof ConnectException) {
                return new ModelFailure(
                        true, "model server cannot be reached (connection refused)", Kind.CONNECT, null);
            }
            if (c instanceof RateLimitException) {
                return new ModelFailure(true, "model rate-limited the request (HTTP 429)", Kind.STATUS, retryAfter);
            }
            if (c instanceof InternalServerException) {
                return new ModelFailure(
                        true, "model server error (HTTP " + status(t, "5xx") + ")", Kind.STATUS, retryAfter);
            }
            if (c instanceof AuthenticationException) {
                return new ModelFailure(
                        false, "model rejected the credentials (HTTP " + status(t, "401/403") + ")", Kind.STATUS, null);
            }
            if (c instanceof ModelNotFoundException) {
                return new ModelFailure(false, "model not found at the endpoint (HTTP 404)", Kind.STATUS, null);
            }
            if (c instanceof InvalidRequestException) {
                return new ModelFailure(
                        false,
                        "model refused the request as invalid (HTTP " + status(t, "400") + ")",
                        Kind.STATUS,
                        null);
            }
            if (c instanceof HttpException h) {
                int s = h.statusCode();
                boolean retriable = s == 408 || s == 429 || s >= 500;
                return new ModelFailure(retriable, "model returned HTTP " + s, Kind.STATUS, retryAfter);
            }
            if (c instanceof RetriableException) {
                return new ModelFailure(
                        true, "model call failed: " + c.getClass().getSimpleName(), Kind.CONNECT, null);
            }
        }
        return new ModelFailure(false, "model call failed: " + t.getClass().getSimpleName(), Kind.CONNECT, null);
    }

    /** The HTTP status in the cause chain, else {@code fallback}. */
    private static String status(Throwable t, String fallback) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpException h) {
                return String.valueOf(h.statusCode());
            }
        }
        return fallback;
    }
}
