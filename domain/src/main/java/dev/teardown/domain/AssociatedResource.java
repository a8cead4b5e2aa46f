package dev.teardown.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A resource that can be destroyed along with a Droplet, with what it costs per month (in US dollars)
 * if it is kept after the Droplet is gone.
 *
 * <p>The cost is an exact decimal in the scale the API sent: {@code "4.00"} stays {@code 4.00}. Equality
 * therefore tells {@code 4.00} from {@code 4.0}; compare costs with {@link BigDecimal#compareTo}.
 */
public record AssociatedResource(ResourceKind kind, String id, String name, BigDecimal monthlyCost) {

    /**
     * The most digits a cost may have before and after the point. A document from the network could
     * otherwise carry a cost such as {@code 1e999999999}: cheap to hold as a BigDecimal, but adding it to
     * {@code 0.05} or writing it out in full builds a billion digits. No monthly bill reaches 10^18 dollars and no
     * price is finer than 10^-10, so these bounds cost nothing real and keep every sum small and exact.
     */
    static final int MAX_INTEGER_DIGITS = 18;
    static final int MAX_FRACTION_DIGITS = 10;

    private static final BigDecimal INTEGER_LIMIT = BigDecimal.TEN.pow(MAX_INTEGER_DIGITS);
    private static final int MAX_SHOWN = 40;

    /**
     * Rejects the droplet kind, a blank id and a cost that is negative or out of bounds. The id is kept
     * exactly; a missing name is the empty string, as the API may omit it.
     */
    public AssociatedResource {
        AssociatedKinds.require(kind, "associated resource kind");
        AssociatedKinds.requireId(id, "associated resource id");
        name = name == null ? "" : name;
        monthlyCost = requireMonthlyCost(monthlyCost);
    }

    /** A resource as the API lists it, with its cost as the API's string, such as {@code "4.00"}. */
    public static AssociatedResource of(ResourceKind kind, String id, String name, String monthlyCost) {
        return new AssociatedResource(kind, id, name, parseMonthlyCost(monthlyCost));
    }

    /**
     * Reads a monthly cost as the API writes it: plain decimal digits with an optional fraction, such as
     * {@code "4.00"}, keeping its scale. Negative costs, a plus sign, exponents, {@code NaN}, infinities,
     * grouping and non-ASCII digits are refused, as are more than 18 digits before the point or 10 after it.
     */
    public static BigDecimal parseMonthlyCost(String text) {
        if (text == null) {
            throw new IllegalArgumentException("monthly cost must be a decimal number such as \"4.00\", was null");
        }
        String trimmed = text.strip();
        // Checked by hand before BigDecimal sees the text: a scan is linear, BigDecimal's parse of millions of
        // digits is not.
        int start = trimmed.startsWith("-") ? 1 : 0;
        int point = trimmed.indexOf('.', start);
        int integerEnd = point < 0 ? trimmed.length() : point;
        boolean wellFormed = integerEnd > start
                && allAsciiDigits(trimmed, start, integerEnd)
                && (point < 0 || point + 1 < trimmed.length() && allAsciiDigits(trimmed, point + 1, trimmed.length()));
        if (!wellFormed) {
            throw new IllegalArgumentException(
                    "monthly cost must be a decimal number such as \"4.00\", was '" + shown(text) + "'");
        }
        int integerDigits = integerEnd - start;
        int fractionDigits = point < 0 ? 0 : trimmed.length() - point - 1;
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("monthly cost must have at most " + MAX_INTEGER_DIGITS
                    + " digits before the point, had " + integerDigits + ": '" + shown(text) + "'");
        }
        if (fractionDigits > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("monthly cost must have at most " + MAX_FRACTION_DIGITS
                    + " digits after the point, had " + fractionDigits + ": '" + shown(text) + "'");
        }
        return requireMonthlyCost(new BigDecimal(trimmed));
    }

    /** The kind and id, as a selection would name this resource. */
    public ResourceRef ref() {
        return new ResourceRef(kind, id);
    }

    private static BigDecimal requireMonthlyCost(BigDecimal cost) {
        Objects.requireNonNull(cost, "monthly cost");
        // Bounds before anything prints the value: toString of a hostile value is itself the blow-up.
        if (cost.scale() > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("monthly cost must have at most " + MAX_FRACTION_DIGITS
                    + " digits after the point, had " + cost.scale());
        }
        if (cost.abs().compareTo(INTEGER_LIMIT) >= 0) {
            throw new IllegalArgumentException("monthly cost must be below 10^" + MAX_INTEGER_DIGITS
                    + ", was " + shown(cost.toString()));
        }
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("monthly cost must be >= 0, was " + cost.toPlainString());
        }
        // A negative scale (1E+3) is an exponent form; within the bounds it widens to a plain whole number.
        return cost.scale() < 0 ? cost.setScale(0) : cost;
    }

    private static boolean allAsciiDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String shown(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}
