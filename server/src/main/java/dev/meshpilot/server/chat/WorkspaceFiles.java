package dev.meshpilot.server.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files a chat command may name (the proposed contract of {@code migrate … --to PATH}): only regular files
 * under one configured folder (the workspace checkout), no path outside it, no symbolic link out of it, at most
 * {@value #MAX_BYTES} bytes. Without a folder no file can be named. Thread-safe.
 */
public final class WorkspaceFiles {
    static final int MAX_BYTES = 1_000_000;

    private final Path root;

    /** Files under {@code root}; null: none. */
    public WorkspaceFiles(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    public static WorkspaceFiles none() {
        return new WorkspaceFiles(null);
    }

    Optional<String> read(String path) {
        Optional<Path> file = resolve(path);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    String refusal(String path) {
        if (root == null) {
            return "this server names no workspace folder for chat (chat.workspace in its --config), so a file "
                    + "cannot be named in chat; run `meshpilot migrate ... --to FILE` or the MCP tool draft_migration";
        }
        return "no readable file of at most " + MAX_BYTES + " bytes at that path under the workspace folder "
                + "(paths are relative to it, e.g. contracts/customers.customer_profile.v2.odcs.yaml)";
    }

    private Optional<Path> resolve(String path) {
        if (root == null || path == null || path.isBlank()) {
            return Optional.empty();
        }
        try {
            Path p = root.resolve(path).normalize();
            if (!p.startsWith(root) || !Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) {
                return Optional.empty();
            }
            Path real = p.toRealPath();
            return real.startsWith(root.toRealPath()) ? Optional.of(real) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
