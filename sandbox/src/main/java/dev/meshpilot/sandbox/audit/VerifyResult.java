package dev.meshpilot.sandbox.audit;

/**
 * The outcome of {@link AuditLog#verify()}: how many records were checked and found intact and, if the chain
 * is broken, the sequence number of the first bad record and what is wrong with it. Immutable.
 *
 * <pre>{@code
 * VerifyResult v = log.verify();
 * if (!v.valid()) System.err.println("broken at " + v.firstBrokenSeq() + ": " + v.problem());
 * }</pre>
 */
public record VerifyResult(long checked, Long firstBrokenSeq, String problem) {
    public boolean valid() {
        return firstBrokenSeq == null;
    }

    static VerifyResult ok(long checked) {
        return new VerifyResult(checked, null, null);
    }

    static VerifyResult broken(long checked, long seq, String problem) {
        return new VerifyResult(checked, seq, problem);
    }
}
