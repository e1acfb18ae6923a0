package dev.meshpilot.sandbox.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One tool call as the audit log records it. {@code argsDigest} is the SHA-256 of the canonical arguments;
 * {@code args} the arguments themselves as canonical JSON with secret-looking values redacted as results are
 * (keys, tokens, card numbers), cut to {@link #MAX_ARGS} characters, so a reader of the log can see what an
 * agent asked for; null in records written before it was kept. {@code decision} is the result status
 * ({@code ok}, {@code denied}, {@code error}, {@code timeout}, ...). The two separator characters of the
 * hashed form (U+001E, U+001F) are replaced by U+FFFD in every text, so no field can masquerade as two, and
 * {@code reason} is cut to {@link #MAX_REASON} characters. A row edited to hold a separator therefore no longer
 * matches its hash. Immutable.
 *
 * <pre>{@code
 * new AuditEntry(Instant.now(), "alice", "triage", runId, "sql.query", digest, "ok", null, 412, 2048, "triage@v1");
 * }</pre>
 */
public record AuditEntry(
        Instant time,
        String principal,
        String agent,
        String runId,
        String tool,
        String argsDigest,
        String decision,
        String reason,
        long durationMicros,
        long outputBytes,
        String promptVersion,
        String args) {
    static final char RECORD_SEPARATOR = '\u001e';
    static final char FIELD_SEPARATOR = '\u001f';
    static final int MAX_REASON = 2000;
    public static final int MAX_ARGS = 4000;

    /** An entry without the arguments' text (refusals before any arguments were read). */
    public AuditEntry(
            Instant time,
            String principal,
            String agent,
            String runId,
            String tool,
            String argsDigest,
            String decision,
            String reason,
            long durationMicros,
            long outputBytes,
            String promptVersion) {
        this(
                time,
                principal,
                agent,
                runId,
                tool,
                argsDigest,
                decision,
                reason,
                durationMicros,
                outputBytes,
                promptVersion,
                null);
    }

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        principal = clean(Objects.requireNonNull(principal, "principal"));
        agent = clean(agent);
        runId = clean(runId);
        tool = clean(Objects.requireNonNull(tool, "tool"));
        argsDigest = clean(argsDigest);
        decision = clean(Objects.requireNonNull(decision, "decision"));
        reason =
                clean(reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…");
        promptVersion = clean(promptVersion);
        args = clean(args == null || args.length() <= MAX_ARGS ? args : args.substring(0, MAX_ARGS) + "…");
    }

    /**
     * The text the record's hash covers, after the sequence number and the previous hash. The arguments' text
     * is appended only when there is one, so records written before it was kept still verify.
     */
    String canonical() {
        String fields = String.join(
                String.valueOf(FIELD_SEPARATOR),
                time.toString(),
                principal,
                str(agent),
                str(runId),
                tool,
                str(argsDigest),
                decision,
                str(reason),
                Long.toString(durationMicros),
                Long.toString(outputBytes),
                str(promptVersion));
        return args == null ? fields : fields + FIELD_SEPARATOR + args;
    }

    private static String clean(String s) {
        return s == null || (s.indexOf(FIELD_SEPARATOR) < 0 && s.indexOf(RECORD_SEPARATOR) < 0)
                ? s
                : s.replace(FIELD_SEPARATOR, '\ufffd').replace(RECORD_SEPARATOR, '\ufffd');
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
