package dev.teardown.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TeardownApiExceptionTest {

    @Test
    void builder_carriesEverythingGiven() {
        IOException cause = new IOException("reset");
        Instant retry = Instant.parse("2026-11-29T10:01:00Z");

        TeardownApiException failure = TeardownApiException
                .builder(Operation.CHECK_STATUS, Reason.RATE_LIMITED, Statuses.ID, "rate limited")
                .cause(cause).retryAllowedAt(retry).httpStatus(429).requestId("req-1").attempts(2).build();

        assertThat(failure.operation()).isEqualTo(Operation.CHECK_STATUS);
        assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(failure.dropletId()).isEqualTo(Statuses.ID);
        assertThat(failure).hasMessage("rate limited").hasCause(cause);
        assertThat(failure.retryAllowedAt()).contains(retry);
        assertThat(failure.httpStatus()).hasValue(429);
        assertThat(failure.requestId()).contains("req-1");
        assertThat(failure.attempts()).isEqualTo(2);
    }

    @Test
    void builder_withoutOptionalParts_leavesThemEmpty() {
        TeardownApiException failure =
                TeardownApiException.builder(Operation.CHECK_STATUS, Reason.NETWORK, Statuses.ID, "refused").build();

        assertThat(failure.retryAllowedAt()).isEmpty();
        assertThat(failure.httpStatus()).isEmpty();
        assertThat(failure.requestId()).isEmpty();
        assertThat(failure.attempts()).isZero();
    }

    @Test
    void reason_transientOnlyForWhatMayPassByItself() {
        assertThat(Reason.RATE_LIMITED.isTransient()).isTrue();
        assertThat(Reason.SERVER_ERROR.isTransient()).isTrue();
        assertThat(Reason.NETWORK.isTransient()).isTrue();
        assertThat(Reason.TIMEOUT.isTransient()).isTrue();
        assertThat(Reason.AUTHENTICATION.isTransient()).isFalse();
        assertThat(Reason.PERMISSION.isTransient()).isFalse();
        assertThat(Reason.BAD_RESPONSE.isTransient()).isFalse();
    }

    @Test
    void reason_conflict_isNotTransient() {
        assertThat(Reason.CONFLICT.isTransient()).isFalse();
    }

    @Test
    void operation_failureOf_namesTheCallAndTheDroplet() {
        assertThat(Operation.CHECK_STATUS.failureOf(Statuses.ID)).isEqualTo("no teardown status for droplet " + Statuses.ID);
        assertThat(Operation.RETRY.failureOf(Statuses.ID)).contains("retry").contains(Statuses.ID.toString());
        for (Operation operation : Operation.values()) {
            assertThat(operation.failureOf(Statuses.ID)).as("%s", operation).contains(Statuses.ID.toString());
            assertThat(operation.permissionObject()).as("%s", operation).isNotBlank();
            assertThat(operation.requiredScopes()).as("%s", operation).startsWith("droplet:");
        }
    }

    @Test
    void operation_requiredScopes_areTheApiDescriptions() {
        assertThat(Operation.CHECK_STATUS.requiredScopes()).isEqualTo("droplet:delete");
        assertThat(Operation.LIST_RESOURCES.requiredScopes()).isEqualTo("droplet:read");
        assertThat(Operation.RETRY.requiredScopes()).isEqualTo("droplet:delete and block_storage:delete");
    }

    @Test
    void builder_withoutOperation_isRefused() {
        org.assertj.core.api.Assertions.assertThatNullPointerException()
                .isThrownBy(() -> TeardownApiException.builder(null, Reason.NETWORK, Statuses.ID, "refused"))
                .withMessage("operation");
    }
}
