package dev.meshpilot.server.chat;

/**
 * Files shared in the chat itself (uploaded to a Slack message), named in a command as {@code file:ID} where a file
 * option is expected ({@code migrate PRODUCT --to file:F0123ABCD}). The adapter fetches them with its own checks
 * (allowed hosts, size, YAML or JSON) and audits what it did; the core only reads the answer. Thread-safe.
 */
public interface SharedFiles {
    /** How a file option names a shared file. */
    String PREFIX = "file:";

    /** No shared files (e.g. the terminal preview): every {@code file:ID} is refused. */
    SharedFiles NONE = (principal, id) -> Fetched.refused("files shared in chat can only be read when Meshpilot runs "
            + "as a chat app with a bot token; name a file under the workspace folder instead");

    /** Fetches shared file {@code id} for {@code principal} (the principal's id, for the audit). */
    Fetched fetch(String principal, String id);

    /** A fetched file ({@code name} and its text), or why not ({@code error}, in words saying what to do). */
    record Fetched(String name, String content, String error) {
        public static Fetched of(String name, String content) {
            return new Fetched(name, content, null);
        }

        public static Fetched refused(String error) {
            return new Fetched(null, null, error);
        }
    }
}
