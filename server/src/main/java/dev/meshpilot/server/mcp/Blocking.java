package dev.meshpilot.server.mcp;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;

/**
 * Runs blocking work (a gate call, a store read) on its own virtual thread as a {@link Mono}. Cancelling
 * the subscription (the client cancelled the request, or the session ended) interrupts that thread; the gate
 * then stops the tool and audits the call as interrupted.
 */
final class Blocking {
    private Blocking() {}

    static <T> Mono<T> call(Callable<T> work) {
        return Mono.create(sink -> {
            Thread thread = Thread.ofVirtual().name("mcp-call").start(() -> {
                try {
                    sink.success(work.call());
                } catch (Throwable e) {
                    sink.error(e);
                }
            });
            sink.onCancel(thread::interrupt);
        });
    }
}
