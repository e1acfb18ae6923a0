package dev.meshpilot.agents.model;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** How far one response has come: whether its headers are in, when the last bytes came, how many. */
final class Progress {
    private volatile boolean headersIn;
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

    /** The body handler: counts the body's bytes as they come. */
    HttpResponse.BodySubscriber<byte[]> handler(HttpResponse.ResponseInfo info) {
        headersIn = true;
        lastActivity.set(System.nanoTime());
        HttpResponse.BodySubscriber<byte[]> inner = HttpResponse.BodySubscribers.ofByteArray();
        return new HttpResponse.BodySubscriber<>() {
            @Override
            public CompletionStage<byte[]> getBody() {
                return inner.getBody();
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription.set(s);
                inner.onSubscribe(s);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                lastActivity.set(System.nanoTime());
                bytes.addAndGet(item.stream().mapToLong(ByteBuffer::remaining).sum());
                inner.onNext(item);
            }

            @Override
            public void onError(Throwable t) {
                inner.onError(t);
            }

            @Override
            public void onComplete() {
                inner.onComplete();
            }
        };
    }

    boolean headersIn() {
        return headersIn;
    }

    long lastActivity() {
        return lastActivity.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** Stops reading the body and abandons the exchange. */
    void cancel(CompletableFuture<?> pending) {
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
        pending.cancel(true);
    }
}
