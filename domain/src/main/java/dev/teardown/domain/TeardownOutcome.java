package dev.teardown.domain;

/** What a teardown status means as a whole. */
public enum TeardownOutcome {
    IN_PROGRESS(false),
    SUCCEEDED(true),
    COMPLETED_WITH_FAILURES(true);

    private final boolean terminal;

    TeardownOutcome(boolean terminal) {
        this.terminal = terminal;
    }

    /** True once the API reports the teardown completed; a terminal outcome changes only if a retry is requested. */
    public boolean isTerminal() {
        return terminal;
    }
}
