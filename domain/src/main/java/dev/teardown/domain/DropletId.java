package dev.teardown.domain;

import java.util.Locale;

/** The id of a DigitalOcean Droplet: an integer of at least 1. */
public record DropletId(long value) implements Comparable<DropletId> {

    private static final int SHOWN_CODE_POINTS = 40;

    public DropletId {
        if (value < 1) {
            throw new IllegalArgumentException("droplet id must be >= 1, was " + value);
        }
    }

    public static DropletId of(long value) {
        return new DropletId(value);
    }

    /**
     * Parses a droplet id written in the digits 0-9, such as {@code "61486916"}: no sign, spaces, leading
     * zeros or other scripts' digits (a Bengali {@code ৪} looks like 8 and is 4), so that the id used is
     * the id written. A rejected text is shown in the message with invisible characters escaped.
     */
    public static DropletId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("droplet id must be a whole number >= 1, was null");
        }
        // A minus sign is accepted here only so that -5 is rejected for what it is: below 1.
        String digits = text.startsWith("-") ? text.substring(1) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (text.codePoints().anyMatch(c -> Character.isDigit(c) && c > '9')) {
                throw rejected("droplet id must be written with the digits 0-9", text);
            }
            throw rejected("droplet id must be a whole number >= 1", text);
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw rejected("droplet id must be written without leading zeros", text);
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            // Only digits are left, so the number is too long for 64 bits.
            throw rejected("droplet id is out of range (1 to " + Long.MAX_VALUE + ")", text);
        }
        return new DropletId(value);
    }

    private static IllegalArgumentException rejected(String rule, String text) {
        return new IllegalArgumentException(rule + ", was '" + shown(text) + "'");
    }

    /**
     * The first characters of the text, with what a terminal would not show as written (controls,
     * invisible and non-ASCII spaces, combining marks, lone surrogates) as Java escapes, so that the
     * message shows what was typed and cannot move the cursor or recolour the terminal.
     */
    private static String shown(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), SHOWN_CODE_POINTS) + 8);
        int shownCodePoints = 0;
        for (int i = 0; i < text.length(); ) {
            if (shownCodePoints == SHOWN_CODE_POINTS) {
                out.append("...");
                break;
            }
            int codePoint = text.codePointAt(i);
            int length = Character.charCount(codePoint);
            if (codePoint == '\\') {
                out.append("\\\\");
            } else if (visibleAsWritten(codePoint)) {
                out.appendCodePoint(codePoint);
            } else {
                for (int j = i; j < i + length; j++) {
                    out.append(String.format(Locale.ROOT, "\\u%04X", (int) text.charAt(j)));
                }
            }
            i += length;
            shownCodePoints++;
        }
        return out.toString();
    }

    private static boolean visibleAsWritten(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> false;
            default -> true;
        };
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
