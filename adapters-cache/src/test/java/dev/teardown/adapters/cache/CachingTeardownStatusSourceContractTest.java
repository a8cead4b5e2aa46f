package dev.teardown.adapters.cache;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.TeardownStatusSourceContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The caching decorator, with its defaults, owes callers what its wrapped source owes them. */
class CachingTeardownStatusSourceContractTest extends TeardownStatusSourceContract {

    private final List<CachingTeardownStatusSource> built = new ArrayList<>();

    @Override
    protected TeardownStatusSource sourceKnowing(List<TeardownStatus> statuses) {
        return keep(CachingTeardownStatusSource.wrapping(
                InMemoryTeardownStatusSource.of(statuses.toArray(TeardownStatus[]::new))));
    }

    @Override
    protected TeardownStatusSource sourceFailingFor(DropletId dropletId) {
        TeardownApiException failure = TeardownApiException
                .builder(Operation.CHECK_STATUS, Reason.SERVER_ERROR, dropletId, "the API answered 503 for droplet " + dropletId)
                .httpStatus(503)
                .attempts(1)
                .build();
        return keep(CachingTeardownStatusSource.wrapping(new InMemoryTeardownStatusSource().failWith(dropletId, failure)));
    }

    @AfterEach
    void closeSources() {
        built.forEach(CachingTeardownStatusSource::close);
    }

    private CachingTeardownStatusSource keep(CachingTeardownStatusSource source) {
        built.add(source);
        return source;
    }
}
