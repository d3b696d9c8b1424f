package dev.dreamnet.core.flags.internal;

import java.util.Objects;

/** Validates flag and agent names. Stateless. */
public final class Names {

    private Names() {
    }

    /** Throws unless {@code value} is non-blank and only {@code [A-Za-z0-9._-]}; messages start with {@code field}. */
    public static void requireValid(String field, String value) {
        Objects.requireNonNull(value, () -> field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, was \"" + value + "\"");
        }
        for (int i = 0; i < value.length(); i++) {
            if (!allowed(value.charAt(i))) {
                throw new IllegalArgumentException(field + " may contain only letters, digits, '.', '_' and '-', was \""
                        + value + "\" (bad character '" + value.charAt(i) + "' at index " + i + ")");
            }
        }
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }
}
