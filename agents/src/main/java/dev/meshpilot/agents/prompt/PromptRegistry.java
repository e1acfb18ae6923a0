package dev.meshpilot.agents.prompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every prompt version of every agent, read from a folder laid out as {@code <agent>/vN.md} — the repository's
 * {@code prompts/}, which the build also bundles into this module's jar. Immutable and thread-safe.
 *
 * <pre>{@code
 * PromptRegistry prompts = PromptRegistry.bundled();
 * Prompt p = prompts.resolve("triage");        // the latest version
 * Prompt v1 = prompts.resolve("triage@v1");   // a named one
 * }</pre>
 */
public final class PromptRegistry {
    private final List<Prompt> prompts;

    private PromptRegistry(List<Prompt> prompts) {
        this.prompts = List.copyOf(prompts);
    }

    /** The prompts bundled with this build. */
    public static PromptRegistry bundled() {
        URL marker = PromptRegistry.class.getResource("/prompts/README.md");
        if (marker == null) {
            throw new IllegalStateException("no prompts bundled: /prompts/README.md is not on the class path");
        }
        try {
            if ("jar".equals(marker.getProtocol())) {
                try (FileSystem fs = FileSystems.newFileSystem(marker.toURI(), Map.of())) {
                    return load(fs.getPath("/prompts"));
                }
            }
            return load(Path.of(marker.toURI()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads every {@code <agent>/v<N>.md} under {@code dir}.
     *
     * @throws IllegalArgumentException naming the file of the first prompt that does not parse
     */
    public static PromptRegistry load(Path dir) {
        List<Prompt> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path f : files.filter(p -> p.getFileName() != null
                            && p.getFileName().toString().matches("v[0-9]+\\.md"))
                    .sorted()
                    .toList()) {
                String source = dir.relativize(f).toString().replace('\\', '/');
                out.add(PromptParser.parse(source, Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompts under " + dir, e);
        }
        out.sort(Comparator.comparing(Prompt::id).thenComparingInt(Prompt::version));
        return new PromptRegistry(out);
    }

    /**
     * This registry's prompts and {@code other}'s together, e.g. the bundled prompts and the extra versions an
     * eval suite keeps beside its cases.
     *
     * @throws IllegalArgumentException when both hold a prompt of the same {@code id@vN}
     */
    public PromptRegistry plus(PromptRegistry other) {
        List<Prompt> out = new ArrayList<>(prompts);
        for (Prompt p : other.prompts) {
            if (prompts.stream().anyMatch(q -> q.ref().equals(p.ref()))) {
                throw new IllegalArgumentException(
                        "prompt " + p.ref() + " (" + p.source() + ") is already defined; give it another version");
            }
            out.add(p);
        }
        out.sort(Comparator.comparing(Prompt::id).thenComparingInt(Prompt::version));
        return new PromptRegistry(out);
    }

    public List<Prompt> all() {
        return prompts;
    }

    /**
     * {@code agent} (the latest version) or {@code agent@vN}.
     *
     * @throws IllegalArgumentException listing the versions there are
     */
    public Prompt resolve(String ref) {
        int at = ref.indexOf('@');
        String id = at < 0 ? ref : ref.substring(0, at);
        List<Prompt> versions = prompts.stream().filter(p -> p.id().equals(id)).toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no prompt '" + id + "'; prompts: "
                    + prompts.stream().map(Prompt::id).distinct().toList());
        }
        if (at < 0) {
            return versions.getLast();
        }
        String v = ref.substring(at + 1);
        Optional<Prompt> found =
                versions.stream().filter(p -> ("v" + p.version()).equals(v)).findFirst();
        return found.orElseThrow(() -> new IllegalArgumentException("no prompt " + ref + "; versions: "
                + versions.stream().map(Prompt::ref).toList()));
    }
}
