package dev.meshpilot.agents.model;

import dev.langchain4j.exception.LangChain4jException;

/**
 * A model request that got no complete answer: the connection failed ({@code connect}), the answer did not
 * arrive in full within the request's total deadline ({@code deadline}), or the body stopped coming after the
 * response headers ({@code stall}). Thrown by the model HTTP client; {@link ModelFailure} reads it.
 */
final class ModelTransportException extends LangChain4jException {
    private static final long serialVersionUID = 1L;

    private final ModelFailure.Kind kind;
    private final boolean retriable;

    ModelTransportException(ModelFailure.Kind kind, boolean retriable, String message) {
        super(message);
        this.kind = kind;
        this.retriable = retriable;
    }

    ModelFailure.Kind kind() {
        return kind;
    }

    boolean retriable() {
        return retriable;
    }
}
