package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.teardown.ports.AwaitTeardown;
import dev.teardown.ports.CheckTeardown;
import dev.teardown.ports.TeardownAwaitService;
import dev.teardown.ports.TeardownCheckService;
import dev.teardown.ports.TeardownStatusSource;
import jakarta.inject.Singleton;

/** The use cases, over whichever {@link TeardownStatusSource} another module binds. */
public final class UseCasesModule extends AbstractModule {

    @Provides
    @Singleton
    CheckTeardown checkTeardown(TeardownStatusSource source) {
        return new TeardownCheckService(source);
    }

    @Provides
    @Singleton
    AwaitTeardown awaitTeardown(CheckTeardown checker) {
        return TeardownAwaitService.system(checker);
    }
}
