package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.WatchTeardownsUseCase;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.service.RateBudgets;
import dev.teardown.ports.service.WatchTeardownsService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The watch of many teardowns, over {@link UseCasesModule}'s lookups and within the {@link RateBudget}
 * that {@link HttpSourceModule} (or a {@link RateBudgetModule}) binds, timed by {@link TimeModule}.
 */
public final class WatchModule extends AbstractModule {

    @Provides
    @Singleton
    WatchTeardownsUseCase watchTeardowns(CheckStatusUseCase checker, RateBudget budget, Clock clock, Sleeper sleeper) {
        // The HTTP source takes a permit for every attempt: the watch waits for one to be free but takes
        // none itself, or each request would be counted twice (and a lookup the cache answers once).
        return new WatchTeardownsService(checker, RateBudgets.peeking(budget), clock, sleeper,
                () -> ThreadLocalRandom.current().nextDouble(), WatchTeardownsService.DEFAULT_LONGEST_NAP);
    }
}
