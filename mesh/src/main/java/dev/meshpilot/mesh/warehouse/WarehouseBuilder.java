package dev.meshpilot.mesh.warehouse;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the warehouse SQLite file from a workspace's {@code warehouse/*.sql} scripts, in two steps so a
 * load stays all or nothing: {@link #build} writes a fresh file beside the target (the live one is
 * untouched if a script fails), {@link #publish} moves it into place once the store has committed.
 *
 * <pre>{@code
 * Path staged = WarehouseBuilder.build(workspace, home.resolve("warehouse.db"));
 * ... commit the store ...
 * WarehouseBuilder.publish(staged, home.resolve("warehouse.db"));
 * }</pre>
 */
public final class WarehouseBuilder {
    /** The warehouse file's name in the home folder. */
    public static final String FILE = "warehouse.db";

    private WarehouseBuilder() {}

    /** The scripts of {@code workspace}, in name order; empty when it has no {@code warehouse/} folder. */
    public static List<Path> scripts(Path workspace) {
        Path dir = workspace.resolve("warehouse");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.WORKSPACE_INVALID, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs every script into a new file next to {@code target}; fails with
     * {@link ErrorCode#WORKSPACE_INVALID} naming the script and the SQLite error.
     */
    public static Path build(List<Path> scripts, Path target) {
        Path staged = target.resolveSibling(target.getFileName() + ".new");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot prepare " + staged + ": " + e.getMessage(), e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + staged.toAbsolutePath())) {
            c.setAutoCommit(false);
            for (Path script : scripts) {
                run(c, script);
            }
            c.commit();
        } catch (RuntimeException e) {
            deleteQuietly(staged);
            throw e;
        } catch (SQLException e) {
            deleteQuietly(staged);
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot write " + staged + ": " + e.getMessage(), e);
        }
        return staged;
    }

    /** Replaces the live warehouse with the staged one in one rename. */
    public static void publish(Path staged, Path target) {
        try {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot move " + staged + " to " + target, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale staged file is replaced by the next build
        }
    }

    private static void run(Connection c, Path script) throws SQLException {
        String sql;
        try {
            sql = Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.WORKSPACE_INVALID, script + ": cannot read: " + e.getMessage(), e);
        }
        try (Statement st = c.createStatement()) {
            // sqlite-jdbc's executeUpdate runs every statement of a multi-statement script in order.
            st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new MeshpilotException(
                    ErrorCode.WORKSPACE_INVALID,
                    "warehouse/" + script.getFileName() + ": " + e.getMessage()
                            + " (the script must be SQLite SQL: CREATE TABLE and INSERT statements)",
                    e);
        }
    }
}
