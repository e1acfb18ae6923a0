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
 * Runs a tool on its own virtual thread with a timeout. On timeout the tool's cancellation check turns
 * true and its thread is interrupted; the call returns {@code TIMEOUT} at once, whether or not the tool
 * stops. An exception becomes {@code ERROR} with the exception's class and message.
 */
final class Runner {
    private static final long SPIN_NANOS = 50_000;
    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private Runner() {}

    static ToolOutput run(Tool tool, String name, ToolContext ctx, JsonNode args, Duration timeout) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ToolContext context = ctx.withCancellation(cancelled::get);
        Future<ToolOutput> future = THREADS.submit(() -> tool.run(context, args));
        awaitBriefly(future);
        try {
            ToolOutput out = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return out == null ? ToolOutput.error(name + " returned nothing (a bug in the tool)") : out;
        } catch (TimeoutException e) {
            cancelled.set(true);
            future.cancel(true);
            return new ToolOutput(
                    ToolResult.Status.TIMEOUT,
                    null,
                    name + " did not finish within " + timeout.toMillis()
                            + " ms and was cancelled; ask for less (a narrower filter, a smaller window)",
                    List.of(),
                    List.of());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ToolOutput.error(name + " failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled.set(true);
            future.cancel(true);
            return ToolOutput.error(name + ": the call was interrupted");
        }
    }

    /**
     * Most tools answer in microseconds. A platform-thread caller spins for a moment before {@link Future#get}
     * parks it, since parking and waking a platform thread costs more than that. A virtual-thread caller
     * parks at once: that frees its carrier, which then usually runs the tool itself, with no OS wake-up.
     */
    private static void awaitBriefly(Future<?> future) {
        if (Thread.currentThread().isVirtual()) {
            return;
        }
        long until = System.nanoTime() + SPIN_NANOS;
        while (!future.isDone() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
