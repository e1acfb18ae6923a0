package dev.meshpilot.sandbox.sql;

import java.util.Objects;

/** A refusal raised by one of the checks; turned into a {@link SqlStatus#DENIED} result, never thrown out. */
final class Denied extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SqlDenial denial;

    Denied(SqlDenial denial, String reason) {
        super(Objects.requireNonNull(reason, "reason"), null, false, false);
        this.denial = Objects.requireNonNull(denial, "denial");
    }

    SqlDenial denial() {
        return denial;
    }
}
