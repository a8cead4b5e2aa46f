package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.teardown.ports.out.RateBudget;
import java.util.Objects;

/**
 * Puts this {@link RateBudget} in place of {@link HttpSourceModule}'s default, such as one shared by
 * several processes through Redis. Install it beside the other modules; whoever built the budget closes
 * what it opened.
 */
public final class RateBudgetModule extends AbstractModule {

    private final RateBudget budget;

    public RateBudgetModule(RateBudget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), RateBudget.class).setBinding().toInstance(budget);
    }
}
