package dev.dreamnet.config.resilience;

import dev.dreamnet.config.internal.Text;
import dev.dreamnet.config.yaml.Section;
import dev.dreamnet.core.text.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Resolves lists of exception class names such as {@code [java.io.IOException]} to classes,
 * without initialising them, so that a configuration file can run no code. Stateless.
 */
final class ExceptionClasses {

    private static final String PART = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
    private static final Pattern CLASS_NAME = Pattern.compile(PART + "(\\." + PART + ")*");
    private static final List<String> COMMON = List.of("java.io.IOException", "java.io.UncheckedIOException",
            "java.net.ConnectException", "java.net.SocketTimeoutException", "java.net.http.HttpTimeoutException",
            "java.sql.SQLException", "java.sql.SQLTransientException", "java.util.concurrent.TimeoutException",
            "java.lang.RuntimeException", "java.lang.IllegalStateException",
            "dev.dreamnet.core.retry.RetryAfterException");

    private ExceptionClasses() {
    }

    /** The classes listed at {@code key}; empty, after recording each problem, if any name is wrong. */
    static Optional<List<Class<? extends Throwable>>> read(Section section, String key) {
        Optional<List<String>> names = section.strings(key);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<Class<? extends Throwable>> classes = new ArrayList<>();
        for (int i = 0; i < names.get().size(); i++) {
            Class<? extends Throwable> type = resolve(section, key, i, names.get().get(i));
            if (type != null) {
                classes.add(type);
            }
        }
        return classes.size() == names.get().size() ? Optional.of(List.copyOf(classes)) : Optional.empty();
    }

    /** True for an exception of any of {@code types} or their subclasses. */
    static Predicate<Throwable> anyOf(List<Class<? extends Throwable>> types) {
        return error -> types.stream().anyMatch(type -> type.isInstance(error));
    }

    private static Class<? extends Throwable> resolve(Section section, String key, int index, String name) {
        if (!CLASS_NAME.matcher(name).matches()) {
            section.problem(key, index, "must be the full name of an exception class, such as "
                    + "\"java.io.IOException\", was " + Text.quote(name));
            return null;
        }
        try {
            Class<?> type = Class.forName(name, false, loader());
            if (Throwable.class.isAssignableFrom(type)) {
                return type.asSubclass(Throwable.class);
            }
            section.problem(key, index, Text.quote(name) + " is not an exception class");
        } catch (ClassNotFoundException e) {
            String suggestion = DidYouMean.suggest(name, COMMON);
            section.problem(key, index, "unknown class " + Text.quote(name)
                    + (suggestion.isEmpty() ? "; give the full name, such as \"java.io.IOException\"" : suggestion));
        } catch (LinkageError e) {
            section.problem(key, index, "class " + Text.quote(name) + " cannot be loaded");
        }
        return null;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ExceptionClasses.class.getClassLoader();
    }
}
