package dev.teardown.benchmarks;

import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.ReferenceExamples;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The reference example's bytes into the domain status (checked, timestamps parsed) and into the plain DTO. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParsingBenchmark {

    private final byte[] document = ReferenceExamples.checkStatusDocJson();

    @Benchmark
    public TeardownStatus bytesToDomain() {
        return StatusDocuments.read(ReferenceExamples.DROPLET_ID, document);
    }

    @Benchmark
    public StatusDto bytesToDto() throws IOException {
        return RawStack.MAPPER.readValue(document, StatusDto.class);
    }
}
