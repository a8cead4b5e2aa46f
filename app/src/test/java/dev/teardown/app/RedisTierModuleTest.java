package dev.teardown.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.redis.RedisRateBudget;
import dev.teardown.adapters.redis.RedisRateBudgetConfig;
import dev.teardown.adapters.redis.RedisTeardownStatusSource;
import dev.teardown.adapters.redis.RedisTier;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceRef;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.CommandAnswer;
import dev.teardown.ports.in.RetryTeardownUseCase;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.TeardownCommands;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.testkit.AssociatedResourcesBuilder;
import dev.teardown.testkit.InMemoryTeardownFamily;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared cache wired behind the in-process one, on a real redis-server: Caffeine, then Redis, then the origin. */
class RedisTierModuleTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.create();

    private final String prefix = "app-" + UUID.randomUUID() + ":";

    private Injector instance(InMemoryTeardownStatusSource origin) {
        return Guice.createInjector(new LifecycleModule(), TimeModule.system(),
                new ModulesTest.InMemorySourceModule(origin), new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(CacheConfig.class).toInstance(CacheConfig.defaults());
                    }
                }, new CachingModule(), new RedisTierModule(REDIS.uri(), prefix), new UseCasesModule());
    }

    @Test
    void redisTierModule_putsTheSharedCacheBehindTheInProcessOne() {
        TeardownStatus status = ReferenceExamples.openApiStatus();
        InMemoryTeardownStatusSource origin = InMemoryTeardownStatusSource.of(status);
        Injector first = instance(origin);
        Injector second = instance(origin);
        try {
            TeardownStatusSource outermost = first.getInstance(TeardownStatusSource.class);
            assertThat(outermost).isInstanceOf(CachingTeardownStatusSource.class);
            assertThat(first.getInstance(RedisTier.class).keyPrefix()).isEqualTo(prefix);

            assertThat(outermost.statusOf(status.dropletId())).contains(status);
            assertThat(second.getInstance(TeardownStatusSource.class).statusOf(status.dropletId())).contains(status);

            assertThat(origin.lookups(status.dropletId())).as("the second instance is answered by Redis").isEqualTo(1);
        } finally {
            first.getInstance(Lifecycle.class).close();
            second.getInstance(Lifecycle.class).close();
        }
    }

    private Injector instanceOver(InMemoryTeardownFamily family) {
        return Guice.createInjector(new LifecycleModule(), TimeModule.system(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(CacheConfig.class).toInstance(CacheConfig.defaults());
                bind(TeardownStatusSource.class).annotatedWith(Upstream.class).toInstance(family);
                bind(AssociatedResourcesSource.class).toInstance(family);
                bind(TeardownCommands.class).toInstance(family);
            }
        }, new CachingModule(), new RedisTierModule(REDIS.uri(), prefix), new UseCasesModule(), new CommandsModule());
    }

    private static TeardownOutcome outcome(Injector instance, DropletId dropletId) {
        StatusAnswer answer = instance.getInstance(CheckStatusUseCase.class).check(dropletId);
        return ((StatusAnswer.Reported) answer).report().outcome();
    }

    @Test
    void retry_throughOneInstance_reachesEveryLayerSoNoInstanceIsServedTheKeptFailureFromRedis() {
        DropletId dropletId = DropletId.of(3164470);
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        InMemoryTeardownFamily family = InMemoryTeardownFamily.on(clock)
                .droplet(AssociatedResourcesBuilder.associatedResources(dropletId).volume("v-1", "data", "10.00").build())
                .failsOnce(dropletId, ResourceRef.of(ResourceKind.VOLUME, "v-1"), "volume is still attached");
        family.destroy(dropletId, DestroyRequest.everything(), Instant.MAX);
        clock.advance(Duration.ofMinutes(5));
        Injector first = instanceOver(family);
        Injector second = instanceOver(family);
        Injector third = instanceOver(family);
        try {
            assertThat(outcome(first, dropletId)).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
            assertThat(outcome(second, dropletId)).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
            assertThat(family.statusLookups(dropletId)).as("the second instance is answered by Redis").isEqualTo(1);

            CommandAnswer retried = second.getInstance(RetryTeardownUseCase.class).retry(dropletId);

            assertThat(retried).isEqualTo(new CommandAnswer.Accepted(dropletId, CommandAnswer.Confirmation.ANSWERED));
            assertThat(family.forgets(dropletId)).as("Caffeine, then Redis, passed the forget on").isEqualTo(1);
            assertThat(outcome(third, dropletId)).isEqualTo(TeardownOutcome.IN_PROGRESS);
            assertThat(outcome(second, dropletId)).isEqualTo(TeardownOutcome.IN_PROGRESS);
            assertThat(family.statusLookups(dropletId)).isEqualTo(2);
        } finally {
            first.getInstance(Lifecycle.class).close();
            second.getInstance(Lifecycle.class).close();
            third.getInstance(Lifecycle.class).close();
        }
    }

    @Test
    void withSharedRateBudget_bindsTheTokensBudgetOnTheSameTier() {
        Injector injector = Guice.createInjector(new LifecycleModule(), TimeModule.system(),
                new ConfigurationModule(HttpClientConfig.of(ApiToken.of("dop_v1_module-test")), CacheConfig.defaults()),
                new HttpSourceModule(), new CachingModule(),
                new RedisTierModule(REDIS.uri(), prefix).withSharedRateBudget(RedisRateBudgetConfig.digitalOcean(3)),
                new UseCasesModule());
        try {
            RateBudget budget = injector.getInstance(RateBudget.class);

            assertThat(budget).isInstanceOf(RedisRateBudget.class);
            assertThat(((RedisRateBudget) budget).config()).isEqualTo(RedisRateBudgetConfig.digitalOcean(3));
            assertThat(budget.toString()).startsWith("RedisRateBudget[" + prefix + "rate:{")
                    .doesNotContain("module-test");
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }

    @Test
    void sourceChain_ordersTheRedisLayerBehindTheCache() {
        InMemoryTeardownStatusSource origin = new InMemoryTeardownStatusSource();
        Injector injector = instance(origin);
        try {
            Set<StatusSourceDecorator> layers = injector.getInstance(
                    Key.get(new TypeLiteral<Set<StatusSourceDecorator>>() { }));
            assertThat(layers).extracting(StatusSourceDecorator::order)
                    .containsExactlyInAnyOrder(CachingModule.ORDER, RedisTierModule.ORDER);
            TeardownStatusSource redisLayer = layers.stream().filter(l -> l.order() == RedisTierModule.ORDER)
                    .findFirst().orElseThrow().decorate(origin);
            assertThat(redisLayer).isInstanceOf(RedisTeardownStatusSource.class);
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }
}
