package dev.teardown.ports.out;

import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import java.time.Instant;

/**
 * Where teardowns are started: destroy a Droplet with its associated resources (a selection, or
 * everything), or retry a teardown that completed with failures. The DigitalOcean API, or a test fake.
 *
 * <p>These commands are not safe to repeat: an implementation sends one again only when the first
 * attempt surely did not reach the API. When it cannot tell whether a command took effect (a timeout
 * after sending, a cut connection, a server error), it fails with a {@link TeardownApiException} whose
 * {@link TeardownApiException#mayHaveTakenEffect()} is true, and the caller finds out from the status.
 */
public interface TeardownCommands {

    /**
     * Destroys the Droplet with the resources the request names: a {@link DestroyRequest.Everything} is
     * the dangerous destroy, a {@link DestroyRequest.Selection} the selective one. It cannot be undone.
     *
     * @param deadline the command never runs past it, by the implementation's clock
     * @return {@link CommandReceipt#ACCEPTED} or {@link CommandReceipt#NOT_FOUND}
     * @throws TeardownApiException with operation {@code DESTROY_SELECTED} or {@code DESTROY_EVERYTHING}
     *     when the command failed or its effect is unknown
     */
    CommandReceipt destroy(DropletId dropletId, DestroyRequest request, Instant deadline);

    /**
     * Retries the teardown of this Droplet: the resources that failed to be destroyed are tried again.
     *
     * @param deadline the command never runs past it, by the implementation's clock
     * @return {@link CommandReceipt#ACCEPTED}, {@link CommandReceipt#NOT_FOUND} (no teardown request
     *     known) or {@link CommandReceipt#IN_PROGRESS} (a destroy is still running)
     * @throws TeardownApiException with operation {@code RETRY} when the command failed or its effect is
     *     unknown
     */
    CommandReceipt retry(DropletId dropletId, Instant deadline);
}
