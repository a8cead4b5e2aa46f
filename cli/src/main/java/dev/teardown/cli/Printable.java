package dev.teardown.cli;

/**
 * Text from outside (the API's names, ids and messages, the environment, the command line) made fit
 * for a terminal or a log line: every character that would steer the terminal instead of showing up
 * is shown as a {@code \u001b}-style escape. That covers C0 and C1 controls (escape sequences that
 * clear the screen, retitle the window or colour what follows; newlines and carriage returns that
 * forge or overwrite lines), DEL, and the invisible marks that reorder text (bidi embeddings,
 * overrides and isolates). {@code --json} escapes through its own writer.
 */
final class Printable {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Printable() {
    }

    static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (steers(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                        .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean steers(char c) {
        return Character.isISOControl(c)
                || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069'
                || c == '\u2028' || c == '\u2029';
    }
}
