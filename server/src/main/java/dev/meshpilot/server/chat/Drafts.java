package dev.meshpilot.server.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Drafts awaiting a human's approval (a migration, drift fixes). An approval is bound to the SHA-256 of the exact
 * draft: a button carries the hash, and only a draft with that hash can be approved; the person who asked for it
 * cannot approve it (four eyes). Approving records who approved what; Meshpilot applies nothing. Keeps the latest
 * {@value #MAX} drafts. Thread-safe.
 */
public final class Drafts {
    static final int MAX = 1000;

    /** A draft: its hash, who asked for it (principal id), the agent and input that produced it, when, and approvals. */
    public record Draft(String hash, String asker, String agent, String input, Instant created) {}

    private final Map<String, Draft> drafts = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Draft> eldest) {
            return size() > MAX;
        }
    };
    private final Map<String, String> approvals = new LinkedHashMap<>();

    /** Keeps the draft {@code content} asked for by {@code asker}; returns it with its hash. */
    public synchronized Draft add(String content, String asker, String agent, String input) {
        Draft d = new Draft(sha256(content), asker, agent, input, Instant.now());
        drafts.put(d.hash(), d);
        return d;
    }

    /**
     * Approves the draft with {@code hash} as {@code approver}.
     *
     * @return the refusal in words, or empty when approved
     */
    public synchronized Optional<String> approve(String hash, String approver) {
        Draft d = drafts.get(hash);
        if (d == null) {
            return Optional.of("no draft with hash " + shortHash(hash) + " (drafts are kept until the server restarts, "
                    + "and a changed draft has a new hash): run the command again and approve the new draft");
        }
        if (d.asker().equals(approver)) {
            return Optional.of("you asked for this draft, so you cannot approve it: a second person must (four eyes)");
        }
        String already = approvals.putIfAbsent(hash, approver);
        if (already != null) {
            return Optional.of("already approved by " + already);
        }
        return Optional.empty();
    }

    public synchronized Optional<Draft> find(String hash) {
        return Optional.ofNullable(drafts.get(hash));
    }

    static String shortHash(String hash) {
        return hash == null ? "?" : hash.substring(0, Math.min(12, hash.length()));
    }

    static String sha256(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
