package dev.meshpilot.sandbox.gate;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secret-looking strings in text and replaces them with {@code [REDACTED:kind]}: cloud access keys,
 * private key blocks, bearer and API tokens, and card numbers that pass the Luhn check.
 */
final class Secrets {
    private record Kind(String name, Pattern pattern) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "private_key",
                    Pattern.compile(
                            "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)")),
            new Kind("aws_access_key", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Kind("github_token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b")),
            new Kind("slack_token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}\\b")),
            new Kind("api_key", Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,}\\b")),
            new Kind("bearer_token", Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{20,}=*")),
            new Kind("jwt", Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\b")));
    private static final Pattern CARD = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");

    private Secrets() {}

    /** The text with every secret replaced, or the same instance when there is none. */
    static String redact(String text) {
        String out = text;
        for (Kind k : KINDS) {
            Matcher m = k.pattern().matcher(out);
            if (m.find()) {
                out = m.replaceAll("[REDACTED:" + k.name() + "]");
            }
        }
        Matcher m = CARD.matcher(out);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            if (luhn(m.group())) {
                sb = sb == null ? new StringBuilder() : sb;
                sb.append(out, last, m.start()).append("[REDACTED:card_number]");
                last = m.end();
            }
        }
        return sb == null ? out : sb.append(out.substring(last)).toString();
    }

    static boolean luhn(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
