package dev.teardown.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.ReferenceExamples;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shared cache's value format gives back every status it was given, through UTF-8 as Redis keeps it. */
class StatusValuesTest {

    static Stream<TeardownStatus> statuses() {
        return Stream.of(
                ReferenceExamples.openApiStatus(),
                ReferenceExamples.checkStatusDocStatus(),
                TeardownStatusBuilder.status(7).build(),
                TeardownStatusBuilder.status(8).dropletPending("web").failures(0)
                        .pending(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f", "data")
                        .build(),
                TeardownStatusBuilder.status(9).completedAt("2026-11-29T10:00:09.123456789Z")
                        .dropletDestroyedAt("web", "2026-11-29T10:00:08Z").failures(-3)
                        .failed(ResourceKind.VOLUME, "v1", "data", "line one\nline two\r\n\ttabbed \\ back\\slash \\u0041")
                        .failed(ResourceKind.SNAPSHOT, "s1", "nightly ✓ 夜間", "échec: ünïcødé 😀 \u0000 \u007f \u2028")
                        .failed(ResourceKind.VOLUME_SNAPSHOT, "vs\t1", "name\nwith newline", "lone \uD800 high and \uDC00 low")
                        .build(),
                // a reserved IP and its floating entry disagreeing: the worse one counts, the other is kept as overruled
                TeardownStatusBuilder.status(10).completedAt("2026-11-29T10:00:09Z")
                        .destroyed(ResourceKind.RESERVED_IP, "6186916", "45.55.96.47", "2026-11-29T10:00:01Z")
                        .failed(ResourceKind.FLOATING_IP, "6186916", "45.55.96.47", "still assigned")
                        .pending(ResourceKind.FLOATING_IP, "77", "1.2.3.4")
                        .destroyed(ResourceKind.RESERVED_IP, "", "", "2026-11-29T10:00:02Z")
                        .build(),
                TeardownStatusBuilder.status(11)
                        .droplet(new ResourceTeardown(ResourceKind.DROPLET, "", "", Optional.empty(), Optional.of("-")))
                        .pending(ResourceKind.SNAPSHOT, "S", "N")
                        .pending(ResourceKind.SNAPSHOT, "TS1", "D\tR\tO")
                        .build());
    }

    @Test
    void write_thenRead_givesAnEqualStatus() {
        statuses().forEach(status -> {
            String written = throughUtf8(StatusValues.write(Optional.of(status)));

            assertThat(StatusValues.read(status.dropletId(), written)).as(written).contains(Optional.of(status));
            assertThat(written).startsWith("TS1\nS\t").doesNotContain("\r");
        });
    }

    @Test
    void write_notFound_isTheVersionAndN() {
        String written = StatusValues.write(Optional.empty());

        assertThat(written).isEqualTo("TS1\nN");
        assertThat(StatusValues.read(DropletId.of(1), written)).contains(Optional.empty());
    }

    @Test
    void write_aStatus_isOneLinePerEntry() {
        TeardownStatus status = TeardownStatusBuilder.status(12).completedAt("2026-11-29T10:00:09Z")
                .dropletDestroyedAt("web", "2026-11-29T10:00:08Z").failures(0)
                .destroyed(ResourceKind.SNAPSHOT, "61486916", "nightly", "2026-11-29T10:00:03Z")
                .build();

        assertThat(StatusValues.write(Optional.of(status))).isEqualTo("""
                TS1
                S\t2026-11-29T10:00:09Z\t0
                D\tdroplet\t12\tweb\t2026-11-29T10:00:08Z\t
                R\tsnapshots\t61486916\tnightly\t2026-11-29T10:00:03Z\t""");
    }

    @Test
    void read_anotherVersionOrDamagedValue_isAMiss() {
        DropletId id = DropletId.of(1);

        for (String value : List.of("", "TS2\nN", "TS1", "TS1\nX", "TS1\nS\tyesterday\t", "TS1\nS\t\t\nR\tboats\t1\t2\t\t",
                "TS1\nS\t\t\nR\tvolumes\t1\t2\t\t\\q", "TS1\nN\nextra", "{\"json\": true}")) {
            assertThat(StatusValues.read(id, value)).as(value).isEmpty();
        }
    }

    private static String throughUtf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
