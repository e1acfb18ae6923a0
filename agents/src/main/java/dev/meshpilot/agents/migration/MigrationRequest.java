package dev.meshpilot.agents.migration;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.migration.Severity;
import java.util.Map;
import java.util.Objects;

/**
 * What a migration starts from: the current contract ({@code contract}: a contract or product id whose active
 * version is in the store, or the contract's own text), the proposed version's text ({@code to}), and for CI
 * whether to check and at which level a change fails the check.
 */
public record MigrationRequest(
        String contract, String currentText, String proposedText, boolean check, Severity failOn, String proposedFile) {
    public MigrationRequest {
        Objects.requireNonNull(proposedText, "proposedText");
        Objects.requireNonNull(failOn, "failOn");
    }

    /** From the inputs by name: {@code contract}, {@code to}, optional {@code from}, {@code check}, {@code fail_on}. */
    static MigrationRequest of(Map<String, String> in) {
        String contract = in.get("contract");
        String to = in.get("to");
        if (to == null || to.isBlank()) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    "to: give the proposed contract (--to FILE on the command line, its text over MCP)");
        }
        String from = in.get("from");
        if (from == null
                && contract != null
                && (contract.contains("\n") || contract.strip().startsWith("{"))) {
            from = contract; // the CLI read a file given as the first parameter
            contract = null;
        }
        if (contract == null && from == null) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, "contract: give a contract id, a product id or a contract file");
        }
        String level = in.getOrDefault("fail_on", "breaking");
        Severity failOn = switch (level) {
            case "breaking" -> Severity.BREAKING;
            case "review" -> Severity.REVIEW;
            default ->
                throw new MeshpilotException(
                        ErrorCode.USAGE, "fail_on must be breaking or review, not '" + level + "'");
        };
        boolean check = "true".equalsIgnoreCase(in.get("check")) || in.containsKey("fail_on");
        return new MigrationRequest(contract, from, to, check, failOn, in.get("to.path"));
    }

    /** The request as shown in a report or prompt: the contract named, or that both came as text. */
    String describe() {
        return contract != null ? contract : "a contract given as text";
    }
}
