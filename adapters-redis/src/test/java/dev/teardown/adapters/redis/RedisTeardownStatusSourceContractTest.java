package dev.teardown.adapters.redis;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.TeardownStatusSourceContract;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared cache on a real redis-server owes its callers what every status source does. */
class RedisTeardownStatusSourceContractTest extends TeardownStatusSourceContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.create();

    private final List<RedisTier> tiers = new ArrayList<>();

    @AfterEach
    void closeTiers() {
        tiers.forEach(RedisTier::close);
    }

    /** Each source on keys of its own, so that no test finds what another kept. */
    private RedisTeardownStatusSource over(TeardownStatusSource upstream) {
        RedisTier tier = RedisTier.builder(REDIS.uri()).keyPrefix("contract-" + UUID.randomUUID() + ":").build();
        tiers.add(tier);
        return RedisTeardownStatusSource.builder(tier, upstream).build();
    }

    @Override
    protected TeardownStatusSource sourceKnowing(List<TeardownStatus> statuses) {
        return over(InMemoryTeardownStatusSource.of(statuses.toArray(TeardownStatus[]::new)));
    }

    @Override
    protected TeardownStatusSource sourceFailingFor(DropletId dropletId) {
        return over(new InMemoryTeardownStatusSource().failWith(dropletId, TeardownApiException
                .builder(Operation.CHECK_STATUS, Reason.SERVER_ERROR, dropletId, "the API answered 503 for droplet " + dropletId)
                .build()));
    }
}
