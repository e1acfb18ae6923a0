package dev.meshpilot.server.cli;

import dev.meshpilot.core.Progress;
import java.io.PrintStream;

/**
 * A progress bar on stderr for long work, redrawn at most ten times a second; silent when stderr is not a
 * terminal (scripts and CI get clean logs).
 */
final class ConsoleProgress implements Progress {
    private final PrintStream err;
    private final boolean enabled;
    private long lastDraw;
    private String lastStage = "";

    ConsoleProgress(PrintStream err) {
        this.err = err;
        this.enabled = System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public synchronized void update(String stage, long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (!finished && stage.equals(lastStage) && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        lastStage = stage;
        if (total > 0) {
            int filled = (int) (30 * Math.min(done, total) / total);
            err.printf(
                    "\r%-8s [%s%s] %3d%% %,d/%,d",
                    stage, "#".repeat(filled), " ".repeat(30 - filled), 100 * done / total, done, total);
        } else {
            err.printf("\r%-8s %,d", stage, done);
        }
        if (finished) {
            err.println();
        }
        err.flush();
    }
}
