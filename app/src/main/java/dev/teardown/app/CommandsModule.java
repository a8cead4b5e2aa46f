package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.teardown.ports.in.DestroyTeardownUseCase;
import dev.teardown.ports.in.ListResourcesUseCase;
import dev.teardown.ports.in.RetryTeardownUseCase;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.ports.out.TeardownCommands;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.ListResourcesService;
import dev.teardown.ports.service.TeardownCommandService;

/**
 * The use cases that list what a teardown would take along, start one and retry one, over whichever
 * {@link AssociatedResourcesSource} and {@link TeardownCommands} another module binds. A command makes
 * the bound {@link TeardownStatusSource} (the cache, when there is one) forget the Droplet, and settles
 * an ambiguous failure with a lookup in it.
 */
public final class CommandsModule extends AbstractModule {

    @Provides
    @Singleton
    ListResourcesUseCase listResources(AssociatedResourcesSource source) {
        return new ListResourcesService(source);
    }

    @Provides
    @Singleton
    TeardownCommandService commands(TeardownCommands commands, TeardownStatusSource statuses) {
        return new TeardownCommandService(commands, statuses);
    }

    @Provides
    @Singleton
    DestroyTeardownUseCase destroy(TeardownCommandService service) {
        return service;
    }

    @Provides
    @Singleton
    RetryTeardownUseCase retry(TeardownCommandService service) {
        return service;
    }
}
