package dev.teardown.testkit;

import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.ports.service.SlidingLogRateBudget;

/** The in-process budget, the reference the contract was written from. */
class SlidingLogRateBudgetContractTest extends RateBudgetContract {

    @Override
    protected RateBudget budget(RateBudgetConfig config) {
        return SlidingLogRateBudget.of(config);
    }
}
