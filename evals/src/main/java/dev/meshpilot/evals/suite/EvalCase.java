package dev.meshpilot.evals.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One eval case, read from its folder: the agent's input (e.g. {@code incident: INC-1001}), whom it runs as,
 * the mesh it runs on, what is expected, tags ({@code regression}, {@code adversarial}, ...), and — when the
 * agent is known to get it wrong — the reason it is a known miss. Its id is the folder name, which must not
 * give the answer away.
 */
public record EvalCase(
        String id,
        Path dir,
        String description,
        List<String> tags,
        Map<String, String> input,
        String principal,
        MeshSpec mesh,
        Expectations expect,
        String knownMiss) {
    public EvalCase {
        Objects.requireNonNull(id, "id");
        tags = List.copyOf(tags);
        input = Map.copyOf(input);
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(expect, "expect");
    }

    /** The recorded model exchanges made with {@code promptRef} ({@code cassettes/triage@v1.json}), if any. */
    public Optional<Path> cassette(String promptRef) {
        Path p = cassettePath(promptRef);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    public Path cassettePath(String promptRef) {
        return dir.resolve("cassettes").resolve(promptRef + ".json");
    }
}
