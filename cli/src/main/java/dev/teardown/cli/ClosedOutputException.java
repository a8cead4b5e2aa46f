package dev.teardown.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Standard output took no more (the reader of a pipe went away, the disk is full): a watch has no one to tell. */
final class ClosedOutputException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    ClosedOutputException() {
        super(new IOException("standard output is closed"));
    }
}
