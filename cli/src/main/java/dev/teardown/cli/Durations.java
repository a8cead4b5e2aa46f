package dev.teardown.cli;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people write them on a command line: {@code 500ms}, {@code 30s}, {@code 10m},
 * {@code 1h}, or ISO-8601 ({@code PT30S}), from {@link #MIN} to {@link #MAX}. Anything longer is a
 * slip of the keyboard, and would overflow where it is added to an instant or turned into nanoseconds.
 */
final class Durations implements ITypeConverter<Duration> {

    static final Duration MIN = Duration.ofMillis(1);
    static final Duration MAX = Duration.ofDays(7);

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final String RANGE = "from 1ms to 168h (7 days)";

    @Override
    public Duration convert(String text) {
        String shown = Printable.of(text);
        String written = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(written);
        Duration duration;
        if (matcher.matches()) {
            duration = shortForm(new BigInteger(matcher.group(1)), matcher.group(2), shown);
        } else {
            duration = isoForm(written, shown);
        }
        if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
            throw outOfRange(shown);
        }
        return duration;
    }

    private static Duration shortForm(BigInteger amount, String unit, String shown) {
        BigInteger millisPerUnit = BigInteger.valueOf(switch (unit) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            default -> 3_600_000L;
        });
        BigInteger millis = amount.multiply(millisPerUnit);
        if (millis.compareTo(BigInteger.valueOf(MAX.toMillis())) > 0) {
            throw outOfRange(shown);
        }
        return Duration.ofMillis(millis.longValueExact());
    }

    private static Duration isoForm(String written, String shown) {
        try {
            return Duration.parse(written.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            // Duration.parse says "overflow" for numbers a long cannot hold: those are well-formed, just too large.
            if (e.getCause() instanceof ArithmeticException || e.getCause() instanceof NumberFormatException) {
                throw outOfRange(shown);
            }
            throw new TypeConversionException("'" + shown + "' is not a duration: write one " + RANGE
                    + ", such as 500ms, 30s, 10m, 1h or PT30S");
        }
    }

    private static TypeConversionException outOfRange(String shown) {
        return new TypeConversionException("'" + shown + "' is out of range: a duration must be " + RANGE);
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
