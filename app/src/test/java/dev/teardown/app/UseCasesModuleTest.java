package dev.teardown.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.teardown.ports.AwaitTeardown;
import dev.teardown.ports.CheckTeardown;
import dev.teardown.ports.TeardownCheck;
import dev.teardown.ports.TeardownStatusSource;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.ReferenceExamples;
import org.junit.jupiter.api.Test;

class UseCasesModuleTest {

    @Test
    void injector_withAnInMemorySource_checksThroughIt() {
        InMemoryTeardownStatusSource source = InMemoryTeardownStatusSource.of(ReferenceExamples.openApiStatus());
        Injector injector = Guice.createInjector(new UseCasesModule(), TimeModule.system(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(TeardownStatusSource.class).toInstance(source);
            }
        });

        TeardownCheck check = injector.getInstance(CheckTeardown.class).check(ReferenceExamples.DROPLET_ID);

        assertThat(check).isInstanceOf(TeardownCheck.Reported.class);
        assertThat(source.lookups(ReferenceExamples.DROPLET_ID)).isEqualTo(1);
        assertThat(injector.getInstance(AwaitTeardown.class)).isSameAs(injector.getInstance(AwaitTeardown.class));
    }
}
