package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.teardown.ports.AwaitTeardown;
import dev.teardown.ports.CheckTeardown;
import dev.teardown.ports.Sleeper;
import dev.teardown.ports.TeardownAwaitService;
import dev.teardown.ports.TeardownCheckService;
import dev.teardown.ports.TeardownStatusSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** The use cases, over whichever {@link TeardownStatusSource} another module binds, timed by {@link TimeModule}. */
public final class UseCasesModule extends AbstractModule {

    @Provides
    @Singleton
    CheckTeardown checkTeardown(TeardownStatusSource source) {
        return new TeardownCheckService(source);
    }

    @Provides
    @Singleton
    AwaitTeardown awaitTeardown(CheckTeardown checker, Clock clock, Sleeper sleeper) {
        return new TeardownAwaitService(checker, clock, sleeper, () -> ThreadLocalRandom.current().nextDouble());
    }
}
