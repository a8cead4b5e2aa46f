package dev.teardown.adapters.http;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.CommandReceipt;
import java.util.Optional;
import java.util.Set;

/**
 * What the family's commands (the two destroys and the retry) share: success is {@code 202 Accepted}
 * with no document, the API's 404 means there is nothing to act on and its 409 that a destroy is in
 * progress. None of them is safe to repeat.
 */
abstract class CommandCall implements ApiCall<CommandReceipt> {

    /**
     * The most a 202 may carry. The API sends none; a proxy's or a server's short note is let pass, but a
     * large body means this is not the API's answer.
     */
    static final int MAX_ACCEPTED_BODY_BYTES = 4 * 1024;

    private static final Set<Integer> ACCEPTED = Set.of(202);

    static String familyPath(DropletId dropletId, String command) {
        return "/v2/droplets/" + dropletId.value() + "/destroy_with_associated_resources/" + command;
    }

    @Override
    public final Set<Integer> successStatuses() {
        return ACCEPTED;
    }

    @Override
    public final String answerName() {
        return "an acceptance (HTTP 202 with no body)";
    }

    @Override
    public final CommandReceipt read(Answer answer) throws MalformedDocumentException {
        if (answer.body().length > MAX_ACCEPTED_BODY_BYTES) {
            throw new MalformedDocumentException("a 202 from the API carries no document, this one carries "
                    + answer.body().length + " bytes");
        }
        return CommandReceipt.ACCEPTED;
    }

    @Override
    public final Optional<CommandReceipt> notFoundMeans() {
        return Optional.of(CommandReceipt.NOT_FOUND);
    }

    @Override
    public final Optional<CommandReceipt> conflictMeans() {
        return Optional.of(CommandReceipt.IN_PROGRESS);
    }
}
