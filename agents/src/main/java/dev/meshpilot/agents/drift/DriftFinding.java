package dev.meshpilot.agents.drift;

import dev.meshpilot.agents.kit.Finding;
import dev.meshpilot.agents.kit.Owner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One place where the observed state departs from a policy: the policy and its kind, the asset (a product id),
 * the subject (a principal, {@code column:NAME}, {@code partitions}, ...), the level ({@code deny}, {@code warn},
 * {@code info}), what is declared and what is observed, the evidence, the owner to tell, a draft fix (never
 * applied), and its lifecycle: {@code new}, {@code persisting} (since {@code firstSeen}), {@code reopened} (an
 * exception expired) or {@code excepted} (with the exception in {@code exception}). The fingerprint is stable
 * across runs: policy, asset and subject. A wire format: fields are added at the end.
 */
public record DriftFinding(
        String fingerprint,
        String policy,
        String kind,
        String asset,
        String subject,
        String level,
        String title,
        String declared,
        String observed,
        List<String> evidence,
        Owner owner,
        String fix,
        String state,
        Instant firstSeen,
        String exception)
        implements Finding {
    public DriftFinding {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(subject, "subject");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        fingerprint = fingerprint == null ? fingerprint(policy, asset, subject) : fingerprint;
    }

    /** The stable fingerprint of a finding: the first 16 hex digits of SHA-256 of {@code policy|asset|subject}. */
    public static String fingerprint(String policy, String asset, String subject) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((policy + "|" + asset + "|" + subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This finding in another lifecycle state. */
    DriftFinding with(String newState, Instant newFirstSeen, String newException) {
        return new DriftFinding(
                fingerprint,
                policy,
                kind,
                asset,
                subject,
                level,
                title,
                declared,
                observed,
                evidence,
                owner,
                fix,
                newState,
                newFirstSeen,
                newException);
    }

    /** Whether it counts as open drift (not covered by an exception). */
    public boolean open() {
        return !"excepted".equals(state);
    }
}
