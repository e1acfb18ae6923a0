package dev.meshpilot.sandbox.principal;

import java.util.Objects;

/**
 * The answer to "may this happen?", with the reason either way: on an allow, the grant that covers it; on
 * a denial, who lacked which scope on what, and the grants they do hold. Immutable.
 */
public record Decision(boolean allowed, String reason) {
    public Decision {
        Objects.requireNonNull(reason, "reason");
    }

    public static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    public static Decision deny(String reason) {
        return new Decision(false, reason);
    }
}
