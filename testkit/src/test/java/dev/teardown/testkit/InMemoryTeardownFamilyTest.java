package dev.teardown.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceRef;
import dev.teardown.domain.ResourceState;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.CommandAnswer;
import dev.teardown.ports.in.CommandAnswer.Confirmation;
import dev.teardown.ports.out.CommandReceipt;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.service.TeardownCommandService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the in-memory family does beyond the contract: time, scripted failures, injected failures, counts. */
class InMemoryTeardownFamilyTest {

    private static final DropletId ID = DropletId.of(3164494);
    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final ResourceRef IP = ResourceRef.of(ResourceKind.RESERVED_IP, "6186916");
    private static final ResourceRef VOLUME = ResourceRef.of(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f");

    private final ManualClock clock = new ManualClock(START);
    private final InMemoryTeardownFamily family = InMemoryTeardownFamily.on(clock).droplet(resources(), "web-01");

    private static AssociatedResources resources() {
        return AssociatedResourcesBuilder.associatedResources(ID)
                .reservedIp(IP.id(), "45.55.96.47", "4.00")
                .volume(VOLUME.id(), "data", "10.00")
                .build();
    }

    private TeardownStatus status() {
        return family.statusOf(ID).orElseThrow();
    }

    private static TeardownApiException ambiguous() {
        return TeardownApiException.builder(Operation.DESTROY_EVERYTHING, Reason.TIMEOUT, ID,
                        Operation.DESTROY_EVERYTHING.failureOf(ID) + ": no answer within PT30S")
                .attempts(1).mayHaveTakenEffect(true).build();
    }

    // Time

    @Test
    void statusOf_asTheClockMoves_destroysEachResourceWhenItsTimeHasPassed() {
        family.takes(ResourceKind.DROPLET, Duration.ofSeconds(5)).takes(ResourceKind.VOLUME, Duration.ofSeconds(30))
                .takes(IP, Duration.ofSeconds(12));
        family.destroy(ID, DestroyRequest.everything(), Instant.MAX);

        clock.advance(Duration.ofSeconds(5));
        TeardownStatus early = status();
        assertThat(early.outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(early.droplet()).hasValueSatisfying(droplet -> {
            assertThat(droplet.name()).isEqualTo("web-01");
            assertThat(droplet.destroyedAt()).contains(START.plusSeconds(5));
        });
        assertThat(early.resources()).extracting(ResourceTeardown::state)
                .containsExactly(ResourceState.PENDING, ResourceState.PENDING);

        clock.advance(Duration.ofSeconds(25));
        TeardownStatus done = status();
        assertThat(done.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(done.completedAt()).contains(START.plusSeconds(30));
        assertThat(done.resources()).extracting(r -> r.destroyedAt().orElseThrow())
                .containsExactly(START.plusSeconds(12), START.plusSeconds(30));
        assertThat(done.reportedFailures()).hasValue(0);
    }

    @Test
    void statusOf_zeroDurations_isCompletedAtOnce() {
        family.takes(Duration.ZERO).destroy(ID, DestroyRequest.everything(), Instant.MAX);

        assertThat(status().outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(status().completedAt()).contains(START);
    }

    // Scripted failures

    @Test
    void fails_twice_failsTheDestroyAndTheFirstRetryThenTheSecondRetryDestroysIt() {
        family.fails(ID, VOLUME, "volume is still attached", 2);
        family.destroy(ID, DestroyRequest.everything(), Instant.MAX);
        clock.advance(Duration.ofMinutes(1));
        assertThat(status().failedResources()).extracting(ResourceTeardown::id).containsExactly(VOLUME.id());
        assertThat(status().reportedFailures()).hasValue(1);

        assertThat(family.retry(ID, Instant.MAX)).isEqualTo(CommandReceipt.ACCEPTED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(status().outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);

        assertThat(family.retry(ID, Instant.MAX)).isEqualTo(CommandReceipt.ACCEPTED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(status().outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(status().completedAt()).contains(START.plus(Duration.ofMinutes(2)).plus(InMemoryTeardownFamily.DEFAULT_DURATION));
    }

    @Test
    void fails_byTheFloatingIpName_failsTheReservedIp() {
        family.failsOnce(ID, ResourceRef.of(ResourceKind.FLOATING_IP, IP.id()), "ip is locked");
        family.destroy(ID, DestroyRequest.everything(), Instant.MAX);
        clock.advance(Duration.ofMinutes(1));

        assertThat(status().failedResources()).singleElement()
                .satisfies(ip -> assertThat(ip.errorMessage()).contains("ip is locked"));
    }

    @Test
    void retry_completedWithoutFailures_isAcceptedAndChangesNothing() {
        family.destroy(ID, DestroyRequest.everything(), Instant.MAX);
        clock.advance(Duration.ofMinutes(1));
        TeardownStatus before = status();

        assertThat(family.retry(ID, Instant.MAX)).isEqualTo(CommandReceipt.ACCEPTED);

        assertThat(status()).isEqualTo(before);
    }

    // Refusals

    @Test
    void destroy_selectionNamingAResourceNotAssociated_isRefusedAsTheApiRefusesItAndStartsNothing() {
        DestroyRequest selection = DestroyRequest.selection().add(VOLUME).add(ResourceKind.SNAPSHOT, "404404").build();

        assertThatThrownBy(() -> family.destroy(ID, selection, Instant.MAX))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(refused -> {
                    assertThat(refused.operation()).isEqualTo(Operation.DESTROY_SELECTED);
                    assertThat(refused.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(refused.httpStatus()).hasValue(422);
                    assertThat(refused.mayHaveTakenEffect()).isFalse();
                    assertThat(refused.getMessage())
                            .startsWith("the selective destroy of droplet 3164494 failed: ")
                            .contains("not associated with droplet 3164494: snapshots 404404")
                            .doesNotContain(VOLUME.id());
                });
        assertThat(family.statusOf(ID)).isEmpty();
        assertThat(family.resourcesOf(ID)).contains(resources());
    }

    @Test
    void destroy_deadlinePassed_failsWithATimeoutAndStartsNothing() {
        assertThatThrownBy(() -> family.destroy(ID, DestroyRequest.everything(), START))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(late -> {
                    assertThat(late.reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(late.operation()).isEqualTo(Operation.DESTROY_EVERYTHING);
                    assertThat(late.attempts()).isZero();
                    assertThat(late.mayHaveTakenEffect()).isFalse();
                });
        assertThatThrownBy(() -> family.retry(ID, START.minusSeconds(1)))
                .isInstanceOfSatisfying(TeardownApiException.class, late -> assertThat(late.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(family.statusOf(ID)).isEmpty();
    }

    // Injected failures

    @Test
    void failNextCommand_throwsItOnceAndChangesNothing() {
        TeardownApiException failure = ambiguous();
        family.failNextCommand(failure);

        assertThatThrownBy(() -> family.destroy(ID, DestroyRequest.everything(), Instant.MAX)).isSameAs(failure);
        assertThat(family.statusOf(ID)).isEmpty();

        assertThat(family.destroy(ID, DestroyRequest.everything(), Instant.MAX)).isEqualTo(CommandReceipt.ACCEPTED);
        assertThat(family.destroysSent(ID)).isEqualTo(2);
    }

    @Test
    void failNextCommandAfterItTakesEffect_carriesItOutThenThrows() {
        TeardownApiException failure = ambiguous();
        family.failNextCommandAfterItTakesEffect(failure);

        assertThatThrownBy(() -> family.destroy(ID, DestroyRequest.everything(), Instant.MAX)).isSameAs(failure);

        assertThat(status().outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(family.resourcesOf(ID)).isEmpty();
    }

    @Test
    void failNextStatusLookupAndListing_throwOnceThenAnswer() {
        TeardownApiException lookup = TeardownApiException.builder(Operation.CHECK_STATUS, Reason.NETWORK, ID, "down").build();
        TeardownApiException listing = TeardownApiException.builder(Operation.LIST_RESOURCES, Reason.NETWORK, ID, "down").build();
        family.failNextStatusLookup(lookup).failNextListing(listing);

        assertThatThrownBy(() -> family.statusOf(ID)).isSameAs(lookup);
        assertThatThrownBy(() -> family.resourcesOf(ID)).isSameAs(listing);

        assertThat(family.statusOf(ID)).isEmpty();
        assertThat(family.resourcesOf(ID)).contains(resources());
        assertThat(family.statusLookups(ID)).isEqualTo(2);
    }

    // Behind the use cases: the ambiguity a platform's tests can exercise

    @Test
    void service_ambiguousDestroyThatTookEffect_isAcceptedAsSeenInTheStatusAndNotSentAgain() {
        TeardownCommandService service = new TeardownCommandService(family, family);
        family.failNextCommandAfterItTakesEffect(ambiguous());

        CommandAnswer answer = service.destroy(ID, DestroyRequest.everything());

        assertThat(answer).isEqualTo(new CommandAnswer.Accepted(ID, Confirmation.SEEN_IN_STATUS));
        assertThat(family.destroysSent(ID)).isEqualTo(1);
        assertThat(family.forgets(ID)).isEqualTo(1);
    }

    @Test
    void service_ambiguousDestroyThatDidNotTakeEffect_failsSayingSo() {
        TeardownCommandService service = new TeardownCommandService(family, family);
        family.failNextCommand(ambiguous());

        assertThatThrownBy(() -> service.destroy(ID, DestroyRequest.everything()))
                .isInstanceOfSatisfying(TeardownApiException.class, failure -> {
                    assertThat(failure.mayHaveTakenEffect()).isFalse();
                    assertThat(failure.getMessage()).contains("the API did not start one");
                });
        assertThat(family.destroysSent(ID)).isEqualTo(1);
    }

    @Test
    void service_ambiguousDestroyAndTheLookupFails_isOutcomeUnknown() {
        TeardownCommandService service = new TeardownCommandService(family, family);
        family.failNextCommandAfterItTakesEffect(ambiguous())
                .failNextStatusLookup(TeardownApiException.builder(Operation.CHECK_STATUS, Reason.NETWORK, ID, "down").build());

        assertThatThrownBy(() -> service.destroy(ID, DestroyRequest.everything()))
                .isInstanceOfSatisfying(TeardownApiException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN));
    }

    // Records

    @Test
    void sentCommands_listsEveryCommandInOrder() {
        DestroyRequest selection = DestroyRequest.selection().add(VOLUME).build();
        family.retry(ID, Instant.MAX);
        family.destroy(ID, selection, Instant.MAX);
        family.destroy(DropletId.of(1), DestroyRequest.everything(), Instant.MAX);

        assertThat(family.sentCommands()).containsExactly(
                new InMemoryTeardownFamily.SentCommand(ID, java.util.Optional.empty()),
                new InMemoryTeardownFamily.SentCommand(ID, java.util.Optional.of(selection)),
                new InMemoryTeardownFamily.SentCommand(DropletId.of(1), java.util.Optional.of(DestroyRequest.everything())));
        assertThat(family.retriesSent(ID)).isEqualTo(1);
        assertThat(family.destroysSent(ID)).isEqualTo(1);
    }

    @Test
    void droplet_addedAgain_replacesTheOneOfThatId() {
        family.destroy(ID, DestroyRequest.everything(), Instant.MAX);

        family.droplet(resources());

        assertThat(family.statusOf(ID)).isEmpty();
        assertThat(family.resourcesOf(ID)).contains(resources());
    }

    @Test
    void arrangement_badArguments_areRefusedSayingWhy() {
        assertThatThrownBy(() -> family.takes(Duration.ofSeconds(-1))).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> family.fails(ID, VOLUME, " ", 1)).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> family.fails(ID, VOLUME, "x", 0)).hasMessageContaining("attempts must be >= 1, was 0");
        assertThatThrownBy(() -> InMemoryTeardownFamily.on(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> family.failNextCommand(null)).isInstanceOf(NullPointerException.class);
    }
}
