package dev.teardown.cli;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --budget-share}: a decimal number more than 0 and at most 1 ({@code 0.8}), or a percentage ({@code 80%}). */
final class BudgetShares implements ITypeConverter<Double> {

    private static final Pattern SHARE = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)(%?)");
    private static final String RANGE = "more than 0 and at most 1, such as 0.8 (or 80%)";

    @Override
    public Double convert(String text) {
        String shown = Printable.of(text);
        Matcher matcher = SHARE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + shown + "' is not a share of the rate limits: write a number " + RANGE);
        }
        BigDecimal share = new BigDecimal(matcher.group(1));
        if (!matcher.group(2).isEmpty()) {
            share = share.movePointLeft(2);
        }
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new TypeConversionException("'" + shown + "' is out of range: the budget share must be " + RANGE);
        }
        return share.doubleValue();
    }
}
