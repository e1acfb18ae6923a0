package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.sandbox.tool.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a tool on a virtual thread with a timeout. On timeout the tool's cancellation check turns true and
 * its thread is interrupted; the call returns {@code TIMEOUT} at once. An exception becomes {@code ERROR}.
 */
final class Runner {
    private static final long SPIN_NANOS = 50_000;
    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private Runner() {}

    /**
     * Most tools answer in microseconds; parking the caller and waking it again costs more than that, so
     * spin for a moment before {@link Future#get} parks.
     */
    private static void awaitBriefly(Future<?> future) {
        long until = System.nanoTime() + SPIN_NANOS;
        while (!future.isDone() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    static ToolOutput run(Tool tool, ToolContext ctx, JsonNode args, Duration timeout) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ToolContext context = ctx.withCancellation(cancelled::get);
        Future<ToolOutput> future = THREADS.submit(() -> tool.run(context, args));
        awaitBriefly(future);
        try {
            ToolOutput out = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return out == null ? ToolOutput.error(tool.declaration().name() + " returned nothing") : out;
        } catch (TimeoutException e) {
            cancelled.set(true);
            future.cancel(true);
            return new ToolOutput(
                    ToolResult.Status.TIMEOUT,
                    null,
                    tool.declaration().name() + " did not finish within " + timeout.toMillis()
                            + " ms and was cancelled",
                    List.of(),
                    List.of());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ToolOutput.error(tool.declaration().name() + " failed: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled.set(true);
            future.cancel(true);
            return ToolOutput.error("the call was interrupted");
        }
    }
}
