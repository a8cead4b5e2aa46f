package dev.teardown.adapters.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A DigitalOcean API token. It never shows itself: {@link #toString()} is redacted, and so is every
 * message this library writes.
 */
public final class ApiToken {

    private static final String REDACTED = "[redacted]";

    private final String value;

    private ApiToken(String value) {
        this.value = value;
    }

    /**
     * Wraps a token as DigitalOcean issues it (such as {@code dop_v1_...}).
     *
     * @throws IllegalArgumentException when it is blank or holds characters a header cannot carry;
     *     the message never repeats the token
     */
    public static ApiToken of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("api token must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Only visible ASCII: a space, CR or LF would let the token split or inject a header.
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(
                        "api token must be visible ASCII without spaces; character " + (i + 1) + " of "
                                + value.length() + " is not (the token itself is not shown)");
            }
        }
        return new ApiToken(value);
    }

    /**
     * The token's SHA-256 as 64 lowercase hex digits: names the token where it must not appear itself,
     * such as the keys of a rate budget that several processes share. The token cannot be recovered from
     * it: a DigitalOcean token is random and far too long to guess back.
     */
    public String sha256Hex() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The value of the {@code Authorization} header. */
    String bearer() {
        return "Bearer " + value;
    }

    /**
     * Replaces every occurrence of this token in a text that may be shown to a person, unless it is
     * only part of a longer word: a short test token such as {@code x} must not turn
     * {@code ConnectException} into {@code ConnectE[redacted]ception}.
     */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
            int end = at + value.length();
            if (partOfWord(text, at - 1) || partOfWord(text, end)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, at).append(REDACTED);
            copied = end;
            at = end - 1;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean partOfWord(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_';
    }

    boolean appearsIn(String text) {
        return text != null && text.contains(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiToken token
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), token.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiToken" + REDACTED;
    }
}
