package dev.teardown.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A terminal where a person types these lines, one per question, then ends the input (Ctrl-D); it counts the questions. */
final class TypedInput implements TerminalInput {

    private final Deque<String> lines;
    private int reads;

    private TypedInput(List<String> lines) {
        this.lines = new ArrayDeque<>(lines);
    }

    /** A person who types these lines. */
    static TypedInput lines(String... lines) {
        return new TypedInput(List.of(lines));
    }

    /** A person who ends the input at once. */
    static TypedInput endOfInput() {
        return new TypedInput(List.of());
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public synchronized Optional<String> readLine() {
        reads++;
        return Optional.ofNullable(lines.poll());
    }

    /** How many lines the command asked for. */
    synchronized int reads() {
        return reads;
    }
}
