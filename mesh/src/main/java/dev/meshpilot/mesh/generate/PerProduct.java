package dev.meshpilot.mesh.generate;

import dev.meshpilot.core.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs a per-product write (a product file, a contract) over all products on a few threads. Each file
 * depends only on the plan, so the bytes are the same whatever the thread interleaving; YAML rendering
 * dominates the cost of a large mesh and splits cleanly across cores.
 */
final class PerProduct {
    private static final int PROGRESS_EVERY = 500;

    private PerProduct() {}

    static void run(List<ProductPlan> products, String stage, Progress progress, Consumer<ProductPlan> write) {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        long total = products.size();
        AtomicLong done = new AtomicLong();
        List<Future<?>> parts = new ArrayList<>(threads);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < products.size(); i += threads) {
                        write.accept(products.get(i));
                        long n = done.incrementAndGet();
                        if (n % PROGRESS_EVERY == 0 || n == total) {
                            progress.update(stage, n, total);
                        }
                    }
                }));
            }
            for (Future<?> part : parts) {
                join(part);
            }
        }
    }

    private static void join(Future<?> part) {
        try {
            part.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        }
    }
}
