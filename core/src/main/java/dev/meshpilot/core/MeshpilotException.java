package dev.meshpilot.core;

import java.util.List;
import java.util.Objects;

/**
 * The one unchecked root exception of Meshpilot. It carries a stable {@link ErrorCode} and, where the
 * failure has several causes (a workspace with many problems), every one of them as a line in
 * {@link #details()}.
 */
public class MeshpilotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final List<String> details;

    public MeshpilotException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public MeshpilotException(ErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    public MeshpilotException(ErrorCode code, String message, List<String> details) {
        this(code, message, details, null);
    }

    public MeshpilotException(ErrorCode code, String message, List<String> details, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.details = List.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    /** One line per problem, each naming the file, line and field where it can. */
    public List<String> details() {
        return details;
    }
}
