package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.teardown.ports.out.Sleeper;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The clock, the sleeper and the cache's ticker that everything timed uses: real ones in production;
 * in tests a fake clock whose sleeper advances it, so waits and expiries take no real time.
 */
public final class TimeModule extends AbstractModule {

    private final Clock clock;
    private final Sleeper sleeper;
    private final LongSupplier ticker;

    TimeModule(Clock clock, Sleeper sleeper, LongSupplier ticker) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /** A given clock and sleeper; the cache's ticker follows the clock. */
    public TimeModule(Clock clock, Sleeper sleeper) {
        this(clock, sleeper, () -> nanos(clock.instant()));
    }

    /** The system's UTC clock, real sleeps, and {@link System#nanoTime()} for the cache. */
    public static TimeModule system() {
        return new TimeModule(Clock.systemUTC(), Sleeper.system(), System::nanoTime);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
        bind(Sleeper.class).toInstance(sleeper);
    }

    @Provides
    @Ticker
    LongSupplier ticker() {
        return ticker;
    }
}
