package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.teardown.ports.in.AwaitTeardownUseCase;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.AwaitTeardownService;
import dev.teardown.ports.service.CheckStatusService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** The use cases, over whichever {@link TeardownStatusSource} another module binds, timed by {@link TimeModule}. */
public final class UseCasesModule extends AbstractModule {

    @Provides
    @Singleton
    CheckStatusUseCase checkTeardown(TeardownStatusSource source) {
        return new CheckStatusService(source);
    }

    @Provides
    @Singleton
    AwaitTeardownUseCase awaitTeardown(CheckStatusUseCase checker, Clock clock, Sleeper sleeper) {
        return new AwaitTeardownService(checker, clock, sleeper, () -> ThreadLocalRandom.current().nextDouble());
    }
}
