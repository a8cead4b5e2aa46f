package dev.teardown.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A Redis URL from the command line or the environment, with where it came from, so that a refusal can
 * name its source; shown, it never shows a password.
 */
record RedisUrl(String source, URI uri) {

    private static final String REDACTED = "[redacted]";

    RedisUrl {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(uri, "uri");
    }

    /** @throws IllegalArgumentException when the text is not a URL; the message shows it without its user information */
    static RedisUrl parse(String source, String text) {
        String trimmed = text.strip();
        try {
            return new RedisUrl(source, new URI(trimmed));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + " is not a URL: " + shown(trimmed)
                    + " (expected redis://[:password@]host[:port][/db])", e);
        }
    }

    /** The text with whatever stands between the scheme and the last {@code @} of the authority left out. */
    static String shown(String text) {
        int scheme = text.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = text.length();
        for (char delimiter : new char[] {'/', '?', '#'}) {
            int at = text.indexOf(delimiter, start);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        int userInfoEnd = text.lastIndexOf('@', end - 1);
        return userInfoEnd < start ? text : text.substring(0, start) + REDACTED + text.substring(userInfoEnd);
    }

    @Override
    public String toString() {
        return source + " " + shown(uri.toString());
    }
}
