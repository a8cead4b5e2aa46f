package dev.teardown.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a terminal shows once it has been given some output: enough of one to follow carriage
 * returns, newlines, cursor up ({@code ESC[nA}), erase to the end of the line ({@code ESC[K}) and
 * erase below ({@code ESC[J}); any other escape sequence fails the test.
 */
final class Terminal {

    private Terminal() {
    }

    static String render(String output) {
        List<StringBuilder> rows = new ArrayList<>(List.of(new StringBuilder()));
        int row = 0;
        int column = 0;
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            if (c == '\u001b') {
                if (output.charAt(i + 1) != '[') {
                    throw new IllegalArgumentException("not a CSI sequence at " + i);
                }
                int end = i + 2;
                while (Character.isDigit(output.charAt(end))) {
                    end++;
                }
                int count = end > i + 2 ? Integer.parseInt(output.substring(i + 2, end)) : 1;
                switch (output.charAt(end)) {
                    case 'A' -> row = Math.max(0, row - count);
                    case 'K' -> truncate(rows.get(row), column);
                    case 'J' -> {
                        truncate(rows.get(row), column);
                        while (rows.size() > row + 1) {
                            rows.remove(rows.size() - 1);
                        }
                    }
                    default -> throw new IllegalArgumentException("unexpected escape sequence " + output.substring(i, end + 1));
                }
                i = end;
            } else if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                row++;
                column = 0;
                if (row == rows.size()) {
                    rows.add(new StringBuilder());
                }
            } else {
                StringBuilder line = rows.get(row);
                while (line.length() < column) {
                    line.append(' ');
                }
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        return rows.stream().map(StringBuilder::toString).collect(Collectors.joining("\n"));
    }

    private static void truncate(StringBuilder line, int column) {
        if (line.length() > column) {
            line.setLength(column);
        }
    }
}
