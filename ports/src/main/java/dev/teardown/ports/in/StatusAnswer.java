package dev.teardown.ports.in;

import dev.teardown.domain.DropletId;
import java.util.Objects;

/** The answer to one lookup: a report, or no teardown request known for the Droplet. */
public sealed interface StatusAnswer {

    DropletId dropletId();

    /** The API knows a teardown request for this Droplet; here is where it stands. */
    record Reported(TeardownReport report) implements StatusAnswer {
        public Reported {
            Objects.requireNonNull(report, "report");
        }

        @Override
        public DropletId dropletId() {
            return report.dropletId();
        }
    }

    /** No teardown request is known for this Droplet (the API answered 404). */
    record NotFound(DropletId dropletId) implements StatusAnswer {
        public NotFound {
            Objects.requireNonNull(dropletId, "dropletId");
        }
    }
}
