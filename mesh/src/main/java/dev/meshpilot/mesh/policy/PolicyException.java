package dev.meshpilot.mesh.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An accepted deviation from a policy: for one product ({@code asset}) and, optionally, one subject (a
 * principal, a column; null = every subject of that product), who owns the decision, why, and until when
 * (inclusive). An expired exception no longer suppresses the finding.
 */
public record PolicyException(String asset, String subject, String owner, String reason, LocalDate expires) {
    public PolicyException {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
    }

    /** Whether it covers a finding on {@code asset} about {@code subject}. */
    public boolean covers(String asset, String subject) {
        return this.asset.equals(asset) && (this.subject == null || this.subject.equals(subject));
    }

    /** Whether it still holds on {@code day}. */
    public boolean activeOn(LocalDate day) {
        return !day.isAfter(expires);
    }
}
