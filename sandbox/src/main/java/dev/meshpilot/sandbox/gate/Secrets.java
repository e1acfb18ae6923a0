package dev.meshpilot.sandbox.gate;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secret-looking strings in text and replaces them with {@code [REDACTED:kind]}: private key blocks,
 * cloud access keys (AWS, Google, Azure), GitHub, Slack, OpenAI/Anthropic and Stripe tokens, bearer tokens,
 * JWTs, passwords in URLs, values assigned to {@code password}/{@code api_key}/{@code secret}-like names, and
 * card numbers (13–19 digits, a card network prefix, and a valid Luhn check digit). Stateless.
 */
final class Secrets {
    /** No secret this class knows is shorter than this. */
    static final int SHORTEST = 13;

    private record Kind(String name, Pattern pattern, String replacement) {
        Kind(String name, String regex) {
            this(name, Pattern.compile(regex), "[REDACTED:" + name + "]");
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "private_key",
                    "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)"),
            new Kind("aws_access_key", "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\\b"),
            new Kind("gcp_api_key", "\\bAIza[0-9A-Za-z_-]{35}"),
            new Kind("azure_key", "(?i)\\b(?:AccountKey|SharedAccessKey)=[A-Za-z0-9+/]{30,}={0,2}"),
            new Kind("github_token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\\b"),
            new Kind("slack_token", "\\bxox[abprse]-[A-Za-z0-9-]{10,}"),
            new Kind("api_key", "\\b(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,})"),
            new Kind("bearer_token", "(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{20,}=*"),
            new Kind("jwt", "\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
            new Kind(
                    "password",
                    Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:)[^\\s@/]+(@)"),
                    "$1[REDACTED:password]$2"),
            new Kind(
                    "credential",
                    Pattern.compile("(?i)(\\b(?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|client[_-]?secret"
                            + "|secret[_-]?(?:access[_-]?)?key|aws_secret_access_key|password|passwd|pwd)\\b[\"']?\\s*[:=]\\s*[\"']?)"
                            + "(?!\\[REDACTED)[^\\s\"',;&]{8,}"),
                    "$1[REDACTED:credential]"));
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])[2-6]\\d(?:[ -]?\\d){11,17}(?![\\d-])");

    private static final TextMemo<String> MEMO = new TextMemo<>(Secrets::scan);

    private Secrets() {}

    /**
     * The text with every secret replaced, or the same instance when there is none; remembered per text
     * ({@link TextMemo}).
     */
    static String redact(String text) {
        if (text.length() < SHORTEST) {
            return text;
        }
        String clean = MEMO.apply(text);
        // the memo may hold an equal text of an earlier call: hand back this one when nothing changed
        return clean.equals(text) ? text : clean;
    }

    private static String scan(String text) {
        String out = text;
        for (Kind k : KINDS) {
            Matcher m = k.pattern().matcher(out);
            if (m.find()) {
                out = m.replaceAll(k.replacement());
            }
        }
        Matcher m = CARD.matcher(out);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            if (cardNumber(m.group())) {
                sb = sb == null ? new StringBuilder() : sb;
                sb.append(out, last, m.start()).append("[REDACTED:card_number]");
                last = m.end();
            }
        }
        return sb == null ? out : sb.append(out, last, out.length()).toString();
    }

    /** Whether {@code candidate} (digits, maybe grouped by spaces or dashes) looks like a card number. */
    static boolean cardNumber(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19 || digits.charAt(0) < '2' || digits.charAt(0) > '6') {
            return false;
        }
        return luhn(digits);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (i % 2 == 1) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
