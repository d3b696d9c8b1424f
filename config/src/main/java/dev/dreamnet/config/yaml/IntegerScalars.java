package dev.dreamnet.config.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;

/**
 * Reads a scalar tagged, or resolved, as a YAML 1.1 integer into an int, long or BigInteger node
 * chosen as jackson-dataformat-yaml 2.x chose it: decimal ({@code 1_000}, {@code +5}), octal
 * ({@code 017}), hexadecimal ({@code 0x1F}) and binary ({@code 0b101}); the node type follows the
 * count of digits written, so {@code 0x7FFFFFFF} (eight digits) is a long. Text that is no integer
 * ({@code 1:30}, {@code !!int abc}) stays a string. Stateless and thread-safe.
 */
final class IntegerScalars {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IntegerScalars() {
    }

    /** The integer {@code value} holds; a text node when it holds none; null for a lone sign. */
    static JsonNode node(String value) throws ScalarTypes.Unreadable {
        boolean negative = value.startsWith("-");
        int start = negative || value.startsWith("+") ? 1 : 0;
        if (start == value.length()) {
            // A lone sign tagged !!int: no value, as before (see ScalarTypes.node).
            return null;
        }
        if (value.charAt(start) == '0') {
            return prefixed(value, start + 1, negative);
        }
        boolean underscores = false;
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c < '0' || c > '9') {
                return NODES.textNode(value);
            }
        }
        String digits = underscores ? ScalarTypes.withoutUnderscores(value) : value;
        if (digits.isEmpty() || digits.equals("-")) {
            throw ScalarTypes.Unreadable.syntax("Invalid number ('" + value + "')");
        }
        return decimal(digits, value, negative);
    }

    /** After a leading zero: zero itself, or a binary, hexadecimal or octal number. */
    private static JsonNode prefixed(String value, int at, boolean negative) throws ScalarTypes.Unreadable {
        if (at == value.length()) {
            return NODES.numberNode(0);
        }
        char c = value.charAt(at);
        if (c == 'b' || c == 'B') {
            return radix(value.substring(at + 1), 2, 31, 32, 63, negative);
        }
        if (c == 'x' || c == 'X') {
            return radix(value.substring(at + 1), 16, 7, 8, 15, negative);
        }
        if (c == '_' || c >= '0' && c <= '9') {
            // Octal has no length that may go either way.
            return radix(value.substring(at), 8, 10, 0, 21, negative);
        }
        return NODES.textNode(value);
    }

    /**
     * Up to {@code intDigits} digits make an int, up to {@code longDigits} a long, more a BigInteger;
     * a number of exactly {@code edgeDigits} digits is an int when it fits one (below, not at, the
     * largest int when positive), else a long.
     */
    private static JsonNode radix(String written, int radix, int intDigits, int edgeDigits, int longDigits,
            boolean negative) throws ScalarTypes.Unreadable {
        String digits = written.replace("_", "");
        try {
            if (digits.length() <= intDigits) {
                int number = Integer.parseInt(digits, radix);
                return NODES.numberNode(negative ? -number : number);
            }
            if (digits.length() <= longDigits) {
                long number = Long.parseLong(digits, radix);
                long signed = negative ? -number : number;
                boolean fitsInt = negative ? signed >= Integer.MIN_VALUE : number < Integer.MAX_VALUE;
                boolean isInt = digits.length() == edgeDigits && fitsInt;
                return isInt ? NODES.numberNode((int) signed) : NODES.numberNode(signed);
            }
            ScalarTypes.checkLength(digits);
            BigInteger number = new BigInteger(digits, radix);
            return NODES.numberNode(negative ? number.negate() : number);
        } catch (NumberFormatException e) {
            throw ScalarTypes.Unreadable.syntax(
                    "Invalid base-" + radix + " number ('" + digits + "'), problem: " + e.getMessage());
        }
    }

    /**
     * A decimal number: int, long or BigInteger by the length of {@code digits}, not counting a minus
     * sign (a plus sign counts, unless underscores removed it); ten and nineteen characters are the
     * lengths that go either way, by the value.
     */
    private static JsonNode decimal(String digits, String value, boolean negative) throws ScalarTypes.Unreadable {
        int length = digits.length() - (negative ? 1 : 0);
        if (length <= 9) {
            return NODES.numberNode(Integer.parseInt(digits));
        }
        if (length <= 18) {
            long number = Long.parseLong(digits);
            boolean fitsInt = number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
            return length == 10 && fitsInt ? NODES.numberNode((int) number) : NODES.numberNode(number);
        }
        ScalarTypes.checkLength(digits);
        try {
            BigInteger number = new BigInteger(digits);
            boolean isLong = length == 19 && number.bitLength() <= 63;
            return isLong ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
        } catch (NumberFormatException e) {
            throw ScalarTypes.Unreadable.syntax("Malformed numeric value '" + value + "'");
        }
    }
}
