package dev.teardown.ports.out;

/** How the API answered a command (a destroy or a retry) that it did not refuse with a failure. */
public enum CommandReceipt {
    /** The API accepted the command (HTTP 202); the status call follows what it started. */
    ACCEPTED,
    /**
     * The API knows no such Droplet (a destroy) or no teardown request for it (a retry): HTTP 404. A
     * Droplet destroyed before cannot be destroyed again.
     */
    NOT_FOUND,
    /** Another destroy of this Droplet is in progress (HTTP 409); only one can be active at a time. */
    IN_PROGRESS
}
