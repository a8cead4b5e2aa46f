package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.teardown.ports.out.TeardownStatusSource;

/** The application's source is the {@link Upstream} one, asked every time. */
public final class UncachedModule extends AbstractModule {

    @Provides
    TeardownStatusSource source(@Upstream TeardownStatusSource upstream) {
        return upstream;
    }
}
