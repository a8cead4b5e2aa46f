package dev.teardown.domain;

/** The id of a DigitalOcean Droplet: an integer of at least 1. */
public record DropletId(long value) implements Comparable<DropletId> {

    public DropletId {
        if (value < 1) {
            throw new IllegalArgumentException("droplet id must be >= 1, was " + value);
        }
    }

    public static DropletId of(long value) {
        return new DropletId(value);
    }

    /** Parses a droplet id as a user or a document writes it, such as {@code "61486916"}. */
    public static DropletId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("droplet id must be a whole number >= 1, was null");
        }
        String trimmed = text.strip();
        long value;
        try {
            value = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "droplet id must be a whole number >= 1, was '" + abbreviate(text) + "'", e);
        }
        return new DropletId(value);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    @Override
    public int compareTo(DropletId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
