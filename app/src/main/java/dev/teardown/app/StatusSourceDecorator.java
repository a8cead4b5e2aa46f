package dev.teardown.app;

import dev.teardown.ports.out.TeardownStatusSource;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One layer between the use cases and the {@link Upstream} source, such as a cache; contribute it to a
 * {@code Multibinder<StatusSourceDecorator>} and {@link SourceChainModule} puts it in its place.
 */
public interface StatusSourceDecorator {

    /**
     * Where this layer sits: lower is nearer the use cases, higher nearer the origin (the in-process cache
     * is {@value CachingModule#ORDER}, a shared tier behind it would be 200). No two layers share one.
     */
    int order();

    /**
     * Wraps the next layer towards the origin; called once per injector. The layer returned passes
     * {@link TeardownStatusSource#forget} on to the one it wraps (after dropping what it keeps itself):
     * the default does nothing, and would leave the layers behind it serving answers from before a
     * destroy or a retry.
     */
    TeardownStatusSource decorate(TeardownStatusSource inner);

    /** A layer at this order that wraps with the given function. */
    static StatusSourceDecorator of(int order, UnaryOperator<TeardownStatusSource> decorate) {
        Objects.requireNonNull(decorate, "decorate");
        return new StatusSourceDecorator() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public TeardownStatusSource decorate(TeardownStatusSource inner) {
                return Objects.requireNonNull(decorate.apply(inner), "a decorator returned no source");
            }

            @Override
            public String toString() {
                return "StatusSourceDecorator(order " + order + ")";
            }
        };
    }
}
