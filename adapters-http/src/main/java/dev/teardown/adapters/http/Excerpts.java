package dev.teardown.adapters.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Short, printable excerpts of what a server sent, fit for an exception message. */
final class Excerpts {

    static final int BODY_EXCERPT_CHARS = 120;

    private Excerpts() {
    }

    /** The start of a body as one printable line: control characters become spaces, runs of space one. */
    static String ofBody(byte[] body, int length) {
        int n = Math.min(length, BODY_EXCERPT_CHARS * 4);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(n + 1);
        decoder.decode(ByteBuffer.wrap(body, 0, n), chars, true);
        chars.flip();
        String text = printable(chars.toString());
        if (text.length() > BODY_EXCERPT_CHARS) {
            return abbreviate(text, BODY_EXCERPT_CHARS);
        }
        return length > n ? text + "..." : text;
    }

    /** One printable line: control and invisible formatting characters become spaces, runs of spaces one. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean lastWasSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT;
            if (space) {
                if (!lastWasSpace) {
                    out.append(' ');
                }
                lastWasSpace = true;
            } else {
                out.append(c);
                lastWasSpace = false;
            }
        }
        return out.toString().strip();
    }

    static String abbreviate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }
}
