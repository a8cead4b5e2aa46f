package dev.teardown.benchmarks;

import dev.teardown.adapters.http.HttpTeardownStatusSource;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.ReferenceExamples;
import java.util.Optional;
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
 * One status lookup over loopback HTTP: the server with a bytes-only client (is the server the
 * bottleneck?), a plain HttpClient + Jackson DTO (the baseline), and {@link HttpTeardownStatusSource},
 * at 1 and 8 threads. No cache anywhere.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HttpBenchmark {

    private FixedStatusServer server;
    private RawStack raw;
    private HttpTeardownStatusSource adapter;

    @Setup
    public void setUp() {
        server = FixedStatusServer.start(ReferenceExamples.checkStatusDocJson(), Fixtures.SERVER_THREADS);
        raw = new RawStack(server.baseUrl(), Fixtures.STATUS_PATH, Fixtures.POOL_SIZE);
        adapter = HttpTeardownStatusSource.create(Fixtures.adapterConfig(server.baseUrl()));
        // Fail here, not as a flood of errors in the measurement, when an answer is wrong.
        if (!adapter.statusOf(ReferenceExamples.DROPLET_ID).equals(Optional.of(ReferenceExamples.checkStatusDocStatus()))) {
            throw new IllegalStateException("the adapter does not read the reference example back");
        }
        if (raw.fetchDto().droplet() == null) {
            throw new IllegalStateException("the raw stack does not bind the reference example");
        }
    }

    @TearDown
    public void tearDown() {
        adapter.close();
        raw.close();
        server.close();
    }

    @Benchmark
    @Threads(1)
    public byte[] serverOnly_1t() {
        return raw.fetchBytes();
    }

    @Benchmark
    @Threads(8)
    public byte[] serverOnly_8t() {
        return raw.fetchBytes();
    }

    @Benchmark
    @Threads(1)
    public StatusDto rawDto_1t() {
        return raw.fetchDto();
    }

    @Benchmark
    @Threads(8)
    public StatusDto rawDto_8t() {
        return raw.fetchDto();
    }

    @Benchmark
    @Threads(1)
    public Optional<TeardownStatus> adapter_1t() {
        return adapter.statusOf(ReferenceExamples.DROPLET_ID);
    }

    @Benchmark
    @Threads(8)
    public Optional<TeardownStatus> adapter_8t() {
        return adapter.statusOf(ReferenceExamples.DROPLET_ID);
    }
}
