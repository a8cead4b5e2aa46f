package dev.teardown.adapters.redis;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The shared cache's value format, version 1: a kept answer as compact UTF-8 text, written and read by
 * hand so that this module needs no JSON library. Lines end with {@code \n}; fields within a line are
 * separated by a tab.
 *
 * <pre>
 * TS1                                         the version tag; a value with another is not read
 * N                                           "no teardown request known" (nothing follows)
 * S &lt;completedAt&gt; &lt;failures&gt;                 or a status: completion time (ISO-8601), reported failures
 * D|R|O &lt;kind&gt; &lt;id&gt; &lt;name&gt; &lt;destroyedAt&gt; &lt;error&gt;  one line per entry: the droplet, a resource, an overruled IP entry
 * </pre>
 *
 * An absent completion time, failure count, destruction time or error message is an empty field.
 * {@code kind} is the API's name ({@code droplet}, {@code reserved_ips}, {@code floating_ips},
 * {@code snapshots}, {@code volumes}, {@code volume_snapshots}). In text fields a backslash is written
 * {@code \\}, and every control character (tab and newline included) and every unpaired surrogate is
 * written <code>&#92;uXXXX</code>, so that any text survives UTF-8 and the line structure. The Droplet's id
 * is in the key, not the value.
 */
final class StatusValues {

    static final String VERSION = "TS1";

    private StatusValues() {
    }

    static String write(Optional<TeardownStatus> answer) {
        StringBuilder out = new StringBuilder(64).append(VERSION).append('\n');
        if (answer.isEmpty()) {
            return out.append('N').toString();
        }
        TeardownStatus status = answer.get();
        out.append('S').append('\t')
                .append(status.completedAt().map(Instant::toString).orElse("")).append('\t')
                .append(status.reportedFailures().isPresent() ? Integer.toString(status.reportedFailures().getAsInt()) : "");
        status.droplet().ifPresent(droplet -> entry(out, 'D', droplet));
        status.resources().forEach(resource -> entry(out, 'R', resource));
        status.overruledIpEntries().forEach(entry -> entry(out, 'O', entry));
        return out.toString();
    }

    /**
     * The answer a value holds, or empty when it is not a value of this version (another version's, or
     * damaged): then it counts as missing.
     */
    static Optional<Optional<TeardownStatus>> read(DropletId dropletId, String value) {
        try {
            return Optional.of(parse(dropletId, value));
        } catch (RuntimeException notOurs) {
            // a value of a later version, or one a person edited: looked up again and overwritten
            return Optional.empty();
        }
    }

    private static Optional<TeardownStatus> parse(DropletId dropletId, String value) {
        String[] lines = value.split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(VERSION)) {
            throw new IllegalArgumentException("not a " + VERSION + " value");
        }
        if (lines[1].equals("N") && lines.length == 2) {
            return Optional.empty();
        }
        String[] head = fields(lines[1], 3);
        if (!head[0].equals("S")) {
            throw new IllegalArgumentException("neither a status nor not found");
        }
        Optional<Instant> completedAt = head[1].isEmpty() ? Optional.empty() : Optional.of(Instant.parse(head[1]));
        OptionalInt failures = head[2].isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(head[2]));
        ResourceTeardown droplet = null;
        List<ResourceTeardown> resources = new ArrayList<>();
        List<ResourceTeardown> overruled = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            String[] fields = fields(lines[i], 6);
            ResourceTeardown entry = new ResourceTeardown(kind(fields[1]), unescape(fields[2]), unescape(fields[3]),
                    fields[4].isEmpty() ? Optional.empty() : Optional.of(Instant.parse(fields[4])),
                    fields[5].isEmpty() ? Optional.empty() : Optional.of(unescape(fields[5])));
            switch (fields[0]) {
                case "D" -> {
                    if (droplet != null) {
                        throw new IllegalArgumentException("two droplet entries");
                    }
                    droplet = entry;
                }
                case "R" -> resources.add(entry);
                case "O" -> overruled.add(entry);
                default -> throw new IllegalArgumentException("an entry of no known role");
            }
        }
        return Optional.of(new TeardownStatus(dropletId, completedAt, Optional.ofNullable(droplet), failures,
                resources, overruled));
    }

    private static void entry(StringBuilder out, char role, ResourceTeardown entry) {
        out.append('\n').append(role).append('\t').append(entry.kind().wireName()).append('\t');
        escape(out, entry.id()).append('\t');
        escape(out, entry.name()).append('\t')
                .append(entry.destroyedAt().map(Instant::toString).orElse("")).append('\t');
        entry.errorMessage().ifPresent(message -> escape(out, message));
    }

    private static ResourceKind kind(String wireName) {
        if (wireName.equals(ResourceKind.DROPLET.wireName())) {
            return ResourceKind.DROPLET;
        }
        return ResourceKind.associatedByWireName(wireName)
                .orElseThrow(() -> new IllegalArgumentException("no kind is called " + wireName));
    }

    private static String[] fields(String line, int count) {
        String[] fields = line.split("\t", -1);
        if (fields.length != count) {
            throw new IllegalArgumentException("a line of " + fields.length + " fields instead of " + count);
        }
        return fields;
    }

    private static StringBuilder escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c == 0x7f || unpairedSurrogate(text, i)) {
                out.append("\\u").append(String.format(Locale.ROOT, "%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out;
    }

    private static boolean unpairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else if (i + 5 < text.length() && text.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                throw new IllegalArgumentException("a broken escape");
            }
        }
        return out.toString();
    }
}
