package dev.teardown.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.teardown.ports.in.AwaitTeardownUseCase;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.TeardownStatusSource;
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

        StatusAnswer check = injector.getInstance(CheckStatusUseCase.class).check(ReferenceExamples.DROPLET_ID);

        assertThat(check).isInstanceOf(StatusAnswer.Reported.class);
        assertThat(source.lookups(ReferenceExamples.DROPLET_ID)).isEqualTo(1);
        assertThat(injector.getInstance(AwaitTeardownUseCase.class)).isSameAs(injector.getInstance(AwaitTeardownUseCase.class));
    }
}
