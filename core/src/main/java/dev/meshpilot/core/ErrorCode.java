package dev.meshpilot.core;

/**
 * A stable error code. Codes appear in CLI messages, HTTP problem responses, MCP errors and audit records,
 * so a code, once published, keeps its name.
 */
public enum ErrorCode {
    /** The workspace folder has one or more problems; nothing was loaded. */
    WORKSPACE_INVALID(2),
    /** An OpenLineage event or other input document is malformed. */
    EVENT_INVALID(2),
    /** A request or command argument is invalid. */
    USAGE(2),
    /** The named thing (product, incident, contract) does not exist. */
    NOT_FOUND(2),
    /** The store could not be opened or written. */
    STORE_FAILED(3),
    /** The sandbox refused a tool call (scope, allowlist, budget, arguments, or a refused SQL statement). */
    SANDBOX_DENIED(2),
    /** An HTTP request carried no valid credentials: a bearer token is required (HTTP 401). */
    UNAUTHENTICATED(2),
    /** A tool call did not finish within its timeout and was cancelled. */
    TOOL_TIMEOUT(2),
    /** A tool call failed; the message says why. */
    TOOL_FAILED(2),
    /** A feature that is not part of this build was asked for. */
    NOT_AVAILABLE(2),
    /** The home folder holds no loaded mesh; load one ({@code meshpilot load DIR} or {@code meshpilot demo}). */
    NO_MESH(2),
    /**
     * An agent's LLM mode has no usable model (none configured, or the provider cannot be reached); configure
     * one (docs/configuration.md#models) or run the playbook. A run whose model fails falls back to the
     * playbook instead and records the reason in its {@code fallbackReason}.
     */
    LLM_UNAVAILABLE(2),
    /** An unexpected failure (a defect): the CLI prints one line and writes the stack trace to its log. */
    INTERNAL(3);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The lowercase wire name, e.g. {@code workspace_invalid}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The process exit code the CLI uses for this error. */
    public int exitCode() {
        return exitCode;
    }
}
