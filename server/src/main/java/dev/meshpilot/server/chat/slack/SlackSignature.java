package dev.meshpilot.server.chat.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Slack's v0 request signature: {@code X-Slack-Signature} must be {@code v0=} and the hex HMAC-SHA256, keyed
 * with the signing secret, of {@code v0:{X-Slack-Request-Timestamp}:{raw body}}; the timestamp must be within
 * {@link #WINDOW} of now on either side (a stale request is a replay, a future one a forgery or a broken clock);
 * the comparison takes the same time whatever the bytes. Thread-safe.
 */
final class SlackSignature {
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final SecretKeySpec key;
    private final Clock clock;

    SlackSignature(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** Why the request is not Slack's; empty when it is. The reason never holds the secret or the expected value. */
    Optional<String> problem(String timestamp, String signature, byte[] body) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return Optional.of("missing or malformed X-Slack-Request-Timestamp");
        }
        if (signature == null || !signature.startsWith("v0=")) {
            return Optional.of("missing or malformed X-Slack-Signature (expected v0=<hex>)");
        }
        long skew = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(skew) > WINDOW.toSeconds()) {
            return Optional.of("request timestamp is " + Math.abs(skew) + " s in the " + (skew > 0 ? "past" : "future")
                    + ", outside the " + WINDOW.toSeconds() + " s window");
        }
        byte[] expected = ("v0=" + sign(timestamp, body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.empty() : Optional.of("signature does not match");
    }

    /** The hex HMAC of {@code v0:{timestamp}:{body}}. */
    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
