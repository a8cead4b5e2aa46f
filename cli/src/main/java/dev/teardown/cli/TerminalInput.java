package dev.teardown.cli;

import java.io.Console;
import java.io.IOError;
import java.util.Optional;

/**
 * Where a person types the answer to a confirmation: the terminal the command runs on, when it has one.
 * A command that cannot be undone asks here before it sends anything, and refuses when no one can answer.
 */
interface TerminalInput {

    /** True when a person can type at the command: standard input (and output) is a terminal. */
    boolean interactive();

    /** The next line typed, without its line end; empty at the end of input (Ctrl-D) or when it cannot be read. */
    Optional<String> readLine();

    /** No terminal: every confirmation is refused (as for a command run from a script, or embedded). */
    static TerminalInput none() {
        return new TerminalInput() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public Optional<String> readLine() {
                return Optional.empty();
            }
        };
    }

    /** The process's terminal, through {@link System#console()}. */
    static TerminalInput system() {
        Console console = System.console();
        boolean interactive = console != null && isTerminal(console);
        return new TerminalInput() {
            @Override
            public boolean interactive() {
                return interactive;
            }

            @Override
            public Optional<String> readLine() {
                if (!interactive) {
                    return Optional.empty();
                }
                try {
                    return Optional.ofNullable(console.readLine());
                } catch (IOError unreadable) {
                    // A terminal that went away answers nothing, which confirms nothing.
                    return Optional.empty();
                }
            }
        };
    }

    private static boolean isTerminal(Console console) {
        try {
            // From Java 22 there is a console for redirected streams too, and isTerminal() says whether it is one.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException beforeJava22) {
            // Before Java 22 there is a console only when standard input and output are both a terminal.
            return true;
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            return false;
        }
    }
}
