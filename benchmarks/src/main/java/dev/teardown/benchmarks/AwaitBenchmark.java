package dev.teardown.benchmarks;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.AwaitListener;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.service.AwaitTeardownService;
import dev.teardown.ports.service.CheckStatusService;
import dev.teardown.testkit.InMemoryTeardownStatusSource.Answer;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One whole wait of {@link AwaitTeardownService} over an in-memory source that answers "in progress"
 * {@code polls - 1} times and then "succeeded", with {@link ManualClock}'s sleeper: no real sleep, so
 * what is left is the service's own cost. The cost per poll is the slope between two values of polls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AwaitBenchmark {

    private static final DropletId ID = ReferenceExamples.DROPLET_ID;
    // Long enough for any number of polls here: every wait ends on the terminal answer, never the deadline.
    private static final AwaitOptions OPTIONS = AwaitOptions.defaults().withTimeout(Duration.ofDays(365));

    @Param({"1", "10", "100"})
    public int polls;

    private Answer[] script;

    @Setup
    public void setUp() {
        TeardownStatus inProgress = TeardownStatusBuilder.status(ID)
                .dropletPending("droplet")
                .pending(ResourceKind.VOLUME, "61486916", "volume")
                .build();
        script = new Answer[polls];
        Arrays.fill(script, Answer.of(inProgress));
        script[polls - 1] = Answer.of(ReferenceExamples.checkStatusDocStatus());
    }

    @Benchmark
    public AwaitResult await() {
        // A new clock per wait: its sleeper keeps every pause, which would otherwise pile up.
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        InMemoryTeardownStatusSource source = new InMemoryTeardownStatusSource().script(ID, script);
        AwaitTeardownService service = new AwaitTeardownService(
                new CheckStatusService(source), clock, clock.sleeper(), () -> 0.5);
        AwaitResult result = service.await(ID, OPTIONS, AwaitListener.ignoring());
        if (result.polls() != polls) {
            throw new IllegalStateException("expected " + polls + " polls, saw " + result.polls());
        }
        return result;
    }
}
