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

/**
 * A model call that failed, classified: retriable (rate limited, server error, timeout, connection refused)
 * or not (bad credentials, bad request, unknown model, a host name that does not resolve), with a short reason
 * in words fit for a report
 * ({@code model timed out}, {@code model returned HTTP 401}).
 */
public record ModelFailure(boolean retriable, String reason) {
    public static ModelFailure classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            // before ConnectException, which the JDK's client wraps around an unresolved address
            if (c instanceof UnresolvedModelServerException
                    || c instanceof UnknownHostException
                    || c instanceof UnresolvedAddressException) {
                return new ModelFailure(false, "model server cannot be reached (its host name does not resolve)");
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException
                    || c instanceof HttpTimeoutException
                    || c instanceof java.util.concurrent.TimeoutException) {
                return new ModelFailure(true, "model timed out");
            }
            if (c instanceof ConnectException) {
                return new ModelFailure(true, "model server cannot be reached (connection refused)");
            }
            if (c instanceof RateLimitException) {
                return new ModelFailure(true, "model rate-limited the request (HTTP 429)");
            }
            if (c instanceof InternalServerException) {
                return new ModelFailure(true, "model server error (HTTP 5xx)");
            }
            if (c instanceof AuthenticationException) {
                return new ModelFailure(false, "model rejected the credentials (HTTP 401/403)");
            }
            if (c instanceof ModelNotFoundException) {
                return new ModelFailure(false, "model not found at the endpoint");
            }
            if (c instanceof InvalidRequestException) {
                return new ModelFailure(false, "model refused the request as invalid (HTTP 400)");
            }
            if (c instanceof HttpException h) {
                int s = h.statusCode();
                boolean retriable = s == 408 || s == 429 || s >= 500;
                return new ModelFailure(retriable, "model returned HTTP " + s);
            }
            if (c instanceof RetriableException) {
                return new ModelFailure(
                        true, "model call failed: " + c.getClass().getSimpleName());
            }
        }
        return new ModelFailure(false, "model call failed: " + t.getClass().getSimpleName());
    }
}
