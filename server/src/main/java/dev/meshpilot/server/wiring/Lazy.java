package dev.meshpilot.server.wiring;

import java.util.Optional;
import java.util.function.Supplier;

/** A value made on first use, once, by whichever thread asks first; thread-safe. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T value;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = make.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /** The value if it was made already; never makes it. */
    Optional<T> ifMade() {
        return Optional.ofNullable(value);
    }
}
