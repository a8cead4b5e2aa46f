package dev.teardown.benchmarks;

import dev.teardown.adapters.http.HttpTeardownStatusSource;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.ReferenceExamples;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Where the adapter's extra cost over the raw stack goes, at 8 threads: the raw stack plus the domain
 * reader, and the raw stack plus a per-call deadline timer like the adapter's, beside both ends.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(8)
public class HttpAttributionBenchmark {

    private FixedStatusServer server;
    private RawStack raw;
    private HttpTeardownStatusSource adapter;
    private ScheduledThreadPoolExecutor deadlines;

    @Setup
    public void setUp() {
        server = FixedStatusServer.start(ReferenceExamples.checkStatusDocJson(), Fixtures.SERVER_THREADS);
        raw = new RawStack(server.baseUrl(), Fixtures.STATUS_PATH, Fixtures.POOL_SIZE);
        adapter = HttpTeardownStatusSource.create(Fixtures.adapterConfig(server.baseUrl()));
        // Configured as the adapter configures its own.
        deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "benchmark-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        deadlines.setRemoveOnCancelPolicy(true);
    }

    @TearDown
    public void tearDown() {
        deadlines.shutdownNow();
        adapter.close();
        raw.close();
        server.close();
    }

    @Benchmark
    public StatusDto rawDto() {
        return raw.fetchDto();
    }

    @Benchmark
    public TeardownStatus rawBytesThenDomainReader() {
        return StatusDocuments.read(ReferenceExamples.DROPLET_ID, raw.fetchBytes());
    }

    @Benchmark
    public StatusDto rawDtoWithDeadlineTimer() {
        return raw.fetchDtoWithDeadlineTimer(deadlines);
    }

    @Benchmark
    public Optional<TeardownStatus> adapter() {
        return adapter.statusOf(ReferenceExamples.DROPLET_ID);
    }
}
