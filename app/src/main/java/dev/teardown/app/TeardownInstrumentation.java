package dev.teardown.app;

import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import dev.teardown.adapters.http.CallListener;
import dev.teardown.ports.out.RateBudget;
import java.time.Clock;

/**
 * What a platform plugs in to see on its dashboards what the library does: every call of the API, the
 * in-process cache and the rate budget. {@code teardown-metrics} gives one over Micrometer
 * ({@code TeardownMetrics}); give it to {@link Teardown.Builder#instrumentation} or install an
 * {@link InstrumentationModule}. Without one, nothing is recorded and nothing costs.
 *
 * <p>The library calls {@link #measureCache} and {@link #measureRateBudget} once each, when it builds
 * what they measure, and closes what they return when it closes.
 */
public interface TeardownInstrumentation {

    /** Hears every call of the API from start to end; by default nothing does. */
    default CallListener callListener() {
        return CallListener.ignoring();
    }

    /**
     * Starts measuring the in-process cache, just built.
     *
     * @return what stops measuring it, closed when the library closes
     */
    default AutoCloseable measureCache(CachingTeardownStatusSource cache) {
        return () -> { };
    }

    /**
     * Starts measuring the rate budget every call spends from, just put to use.
     *
     * @param clock the library's clock, whose instants the budget's state is read at
     * @return what stops measuring it, closed when the library closes
     */
    default AutoCloseable measureRateBudget(RateBudget budget, Clock clock) {
        return () -> { };
    }

    /** Records nothing: the library's default. */
    static TeardownInstrumentation none() {
        return None.INSTANCE;
    }

    /** Holds the one instrumentation that records nothing. */
    final class None implements TeardownInstrumentation {
        static final TeardownInstrumentation INSTANCE = new None();

        private None() {
        }

        @Override
        public String toString() {
            return "TeardownInstrumentation.none()";
        }
    }
}
