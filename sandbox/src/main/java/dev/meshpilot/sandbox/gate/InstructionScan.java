package dev.meshpilot.sandbox.gate;

/**
 * The gate's detector of instruction-like text, for a caller that must judge one piece of a fenced text on its
 * own: the gate flags a whole runbook body, and an agent that quotes single steps of it to people asks of each
 * step. The same heuristics the {@link Gate} fences with (docs/sandbox.md). Stateless and thread-safe.
 *
 * <pre>{@code
 * if (InstructionScan.suspicious(step)) { ... never recommend it ... }
 * }</pre>
 */
public final class InstructionScan {
    private InstructionScan() {}

    /** Whether {@code text} reads like an instruction to an assistant; false for null. */
    public static boolean suspicious(String text) {
        return text != null && !text.isBlank() && Instructions.suspicious(text);
    }
}
