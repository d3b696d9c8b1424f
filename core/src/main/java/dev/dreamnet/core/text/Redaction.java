package dev.dreamnet.core.text;

import java.util.regex.Pattern;

/**
 * Masks the secrets in a connection URL before it is shown: the password of {@code user:password@}
 * and the value of every {@code password=} parameter, whatever its case and separator ({@code ?},
 * {@code &} or {@code ;}). JDBC and AMQP URLs alike; everything else is kept, so the message still
 * says which database or broker was meant. Stateless.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//([^/:@]+):[^/@]*@");

    private Redaction() {
    }

    /** {@code url} with its passwords replaced by {@link #MASK}; null stays null. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + MASK);
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("//$1:" + MASK + "@");
    }
}
