package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.ReferenceExamples;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Generated inputs from fixed seeds, so a failure names the seed that reproduces it: written statuses
 * read back equal; random and mutated bodies read as a status or are rejected as malformed, never
 * escaping as anything else.
 */
class GeneratedDocumentsTest {

    static final long SEED = 0x7EA2D0_57A7L;
    private static final DropletId DROPLET = DropletId.of(42);
    private static final StatusDocumentReader READER = new StatusDocumentReader(64 * 1024);

    @Test
    void write_generatedStatuses_readBackEqual() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 2_000; i++) {
            TeardownStatus status = Generators.status(random);

            byte[] document = StatusDocuments.write(status);

            assertThat(StatusDocuments.read(status.dropletId(), document)).as("status #%d of seed %d", i, SEED).isEqualTo(status);
        }
    }

    @Test
    void read_randomBytes_isStatusOrMalformed() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < 3_000; i++) {
            byte[] body = new byte[random.nextInt(200)];
            for (int b = 0; b < body.length; b++) {
                body[b] = (byte) random.nextInt(256);
            }
            assertStatusOrMalformed(body, i);
        }
    }

    @Test
    void read_mutatedDocuments_isStatusOrMalformed() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        List<byte[]> originals = List.of(ReferenceExamples.checkStatusDocJson(), ReferenceExamples.openApiJson());
        for (int i = 0; i < 5_000; i++) {
            byte[] original = i % 3 == 2
                    ? StatusDocuments.write(Generators.status(random))
                    : originals.get(i % 2);
            assertStatusOrMalformed(Generators.mutate(original, random), i);
        }
    }

    @Test
    void read_randomJsonOfTheRightVocabulary_isStatusOrMalformed() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        int statuses = 0;
        for (int i = 0; i < 5_000; i++) {
            if (assertStatusOrMalformed(Generators.jsonDocument(random).getBytes(StandardCharsets.UTF_8), i)) {
                statuses++;
            }
        }
        // Both outcomes must occur, or the generator tests only one path.
        assertThat(statuses).isBetween(1, 4_999);
    }

    private static boolean assertStatusOrMalformed(byte[] body, int index) {
        try {
            assertThat(READER.read(DROPLET, body)).isNotNull();
            return true;
        } catch (MalformedDocumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        } catch (RuntimeException | Error escaped) {
            throw new AssertionError("input #" + index + " escaped as " + escaped + ": "
                    + new String(body, StandardCharsets.UTF_8), escaped);
        }
    }

    /** Seeded generators of statuses, documents and mutations. */
    static final class Generators {

        private static final ResourceKind[] ASSOCIATED = {
            ResourceKind.RESERVED_IP, ResourceKind.FLOATING_IP, ResourceKind.SNAPSHOT,
            ResourceKind.VOLUME, ResourceKind.VOLUME_SNAPSHOT
        };
        private static final String[] FIELDS = {
            "completed_at", "droplet", "failures", "resources", "reserved_ips", "floating_ips", "snapshots",
            "volumes", "volume_snapshots", "id", "name", "destroyed_at", "error_message", "other"
        };
        private static final String JSON_BYTES = "{}[]\",:0123456789.-+eE \\ntruefalsenull";

        private Generators() {
        }

        static TeardownStatus status(SplittableRandom random) {
            List<ResourceTeardown> resources = new ArrayList<>();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                resources.add(resource(random, ASSOCIATED[random.nextInt(ASSOCIATED.length)]));
            }
            return new TeardownStatus(
                    DropletId.of(1 + random.nextLong(Long.MAX_VALUE - 1)),
                    maybe(random, () -> instant(random)),
                    maybe(random, () -> resource(random, ResourceKind.DROPLET)),
                    random.nextBoolean() ? OptionalInt.of(random.nextInt(-3, 10)) : OptionalInt.empty(),
                    resources);
        }

        static ResourceTeardown resource(SplittableRandom random, ResourceKind kind) {
            // Few distinct ids, so floating IPs often share an id with a reserved IP.
            String id = random.nextInt(5) == 0 ? "" : Integer.toString(random.nextInt(6));
            return new ResourceTeardown(kind, id, text(random, 12),
                    maybe(random, () -> instant(random)),
                    maybe(random, () -> text(random, 30)));
        }

        static Instant instant(SplittableRandom random) {
            long seconds = random.nextLong(0, 4_102_444_800L);
            return Instant.ofEpochSecond(seconds, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
        }

        static String text(SplittableRandom random, int maxLength) {
            int length = random.nextInt(maxLength + 1);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                switch (random.nextInt(6)) {
                    case 0 -> text.append((char) random.nextInt(0, 0x20));
                    case 1 -> text.append("\"\\/ ".charAt(random.nextInt(4)));
                    case 2 -> text.appendCodePoint(random.nextInt(0x1F600, 0x1F650));
                    case 3 -> text.append((char) random.nextInt(0xA0, 0xD7FF));
                    default -> text.append((char) random.nextInt(0x20, 0x7F));
                }
            }
            return text.toString();
        }

        static byte[] mutate(byte[] original, SplittableRandom random) {
            byte[] body = original.clone();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations && body.length > 0; m++) {
                int at = random.nextInt(body.length);
                switch (random.nextInt(5)) {
                    case 0 -> body[at] = (byte) JSON_BYTES.charAt(random.nextInt(JSON_BYTES.length()));
                    case 1 -> body[at] = (byte) random.nextInt(256);
                    case 2 -> body = Arrays.copyOf(body, at);
                    case 3 -> {
                        int end = Math.min(body.length, at + 1 + random.nextInt(20));
                        byte[] shorter = new byte[body.length - (end - at)];
                        System.arraycopy(body, 0, shorter, 0, at);
                        System.arraycopy(body, end, shorter, at, body.length - end);
                        body = shorter;
                    }
                    default -> {
                        byte[] longer = new byte[body.length + 1];
                        System.arraycopy(body, 0, longer, 0, at);
                        longer[at] = (byte) JSON_BYTES.charAt(random.nextInt(JSON_BYTES.length()));
                        System.arraycopy(body, at, longer, at + 1, body.length - at);
                        body = longer;
                    }
                }
            }
            return body;
        }

        /** A JSON object built from the status document's own field names, with values of any type. */
        static String jsonDocument(SplittableRandom random) {
            StringBuilder json = new StringBuilder();
            object(json, random, 0);
            return json.toString();
        }

        private static void object(StringBuilder json, SplittableRandom random, int depth) {
            json.append('{');
            int fields = random.nextInt(5);
            for (int i = 0; i < fields; i++) {
                if (i > 0) {
                    json.append(',');
                }
                json.append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":");
                value(json, random, depth + 1);
            }
            json.append('}');
        }

        private static void value(StringBuilder json, SplittableRandom random, int depth) {
            int choice = depth > 4 ? random.nextInt(6) : random.nextInt(9);
            switch (choice) {
                case 0 -> json.append("null");
                case 1 -> json.append(random.nextInt(-5, 1_000_000));
                case 2 -> json.append(random.nextDouble() * 1e6);
                case 3 -> json.append('"').append(instant(random)).append('"');
                case 4 -> json.append(random.nextBoolean());
                case 5 -> json.append("\"").append(text(random, 8).replace("\\", "").replace("\"", "")
                        .replaceAll("\\p{Cntrl}", "")).append('"');
                case 6, 7 -> object(json, random, depth);
                default -> {
                    json.append('[');
                    int elements = random.nextInt(4);
                    for (int i = 0; i < elements; i++) {
                        if (i > 0) {
                            json.append(',');
                        }
                        value(json, random, depth + 1);
                    }
                    json.append(']');
                }
            }
        }

        private static <T> Optional<T> maybe(SplittableRandom random, java.util.function.Supplier<T> value) {
            return random.nextInt(3) == 0 ? Optional.empty() : Optional.of(value.get());
        }
    }

    @Test
    void generators_sameSeed_sameInputs() {
        if (!Arrays.equals(StatusDocuments.write(Generators.status(new SplittableRandom(SEED))),
                StatusDocuments.write(Generators.status(new SplittableRandom(SEED))))) {
            fail("the generators must be deterministic for a seed to reproduce a failure");
        }
    }
}
