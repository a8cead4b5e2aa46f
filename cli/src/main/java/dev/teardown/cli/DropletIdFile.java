package dev.teardown.cli;

import dev.teardown.domain.DropletId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code watch --ids-from}: one droplet id a line, as on the command line; blank lines, and
 * everything from a {@code #} on, are skipped, and so is the space around an id. Every line that is
 * not an id is a problem, named by its line number.
 */
final class DropletIdFile {

    /** More ids than this in one list is a mistake (a wrong file), not a fleet to watch. */
    static final int MAX_IDS = 100_000;

    private static final char BYTE_ORDER_MARK = '\ufeff';

    /** What a list held: its ids in order, duplicates included, and a message for each line that is not an id. */
    record Read(List<DropletId> ids, List<String> problems) {
        Read {
            ids = List.copyOf(ids);
            problems = List.copyOf(problems);
        }
    }

    private DropletIdFile() {
    }

    /**
     * Reads every line; {@code name} starts each problem's message ({@code ids.txt line 3: ...}).
     *
     * @throws IOException when the text cannot be read, or is not UTF-8
     */
    static Read read(String name, Reader text) throws IOException {
        List<DropletId> ids = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        BufferedReader lines = new BufferedReader(text);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (number == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            int comment = line.indexOf('#');
            String written = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (written.isEmpty()) {
                continue;
            }
            try {
                ids.add(DropletId.parse(written));
            } catch (IllegalArgumentException e) {
                problems.add(name + " line " + number + ": " + Printable.of(e.getMessage()));
            }
            if (ids.size() > MAX_IDS) {
                problems.add(name + " line " + number + ": more than " + MAX_IDS
                        + " droplet ids; watch them in smaller lists");
                break;
            }
        }
        return new Read(ids, problems);
    }
}
