package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import dev.teardown.ports.out.TeardownStatusSource;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The source everything else receives: the {@link Upstream} one inside every contributed
 * {@link StatusSourceDecorator}, the lowest order outermost. Modules that contribute a layer install
 * it; installed twice, it counts once.
 */
public final class SourceChainModule extends AbstractModule {

    @Override
    protected void configure() {
        // Declared even when no module contributes a layer: then the use cases ask the origin directly.
        Multibinder.newSetBinder(binder(), StatusSourceDecorator.class);
    }

    @Provides
    @Singleton
    TeardownStatusSource source(@Upstream TeardownStatusSource origin, Set<StatusSourceDecorator> decorators) {
        return compose(origin, decorators);
    }

    /** The origin wrapped by each decorator, the highest order first, so that the lowest ends outermost. */
    static TeardownStatusSource compose(TeardownStatusSource origin, Set<StatusSourceDecorator> decorators) {
        List<StatusSourceDecorator> nearestTheOriginFirst = new ArrayList<>(decorators);
        nearestTheOriginFirst.sort(Comparator.comparingInt(StatusSourceDecorator::order).reversed());
        for (int i = 1; i < nearestTheOriginFirst.size(); i++) {
            if (nearestTheOriginFirst.get(i).order() == nearestTheOriginFirst.get(i - 1).order()) {
                throw new IllegalStateException("two status source decorators share the order "
                        + nearestTheOriginFirst.get(i).order() + ": " + nearestTheOriginFirst.get(i - 1)
                        + " and " + nearestTheOriginFirst.get(i) + "; their nesting would be left to chance");
            }
        }
        TeardownStatusSource source = origin;
        for (StatusSourceDecorator decorator : nearestTheOriginFirst) {
            source = decorator.decorate(source);
        }
        return source;
    }

    // Guice installs equal modules once: every contributor may install the chain.
    @Override
    public boolean equals(Object other) {
        return other instanceof SourceChainModule;
    }

    @Override
    public int hashCode() {
        return SourceChainModule.class.hashCode();
    }
}
