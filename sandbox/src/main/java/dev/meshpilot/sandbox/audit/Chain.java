package dev.meshpilot.sandbox.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash chain: each record's hash covers its sequence number, the previous hash and its content. */
final class Chain {
    static final String GENESIS = "0".repeat(64);

    private Chain() {}

    static String hash(long seq, String prevHash, AuditEntry entry) {
        return sha256(seq + "\u001e" + prevHash + "\u001e" + entry.canonical());
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
