package dev.dreamnet.config.resilience;

import static dev.dreamnet.core.breaker.CircuitBreakerConfig.MAX_COUNT_WINDOW;
import static dev.dreamnet.core.breaker.CircuitBreakerConfig.MAX_PERMITTED_CALLS_IN_HALF_OPEN;
import static dev.dreamnet.core.breaker.CircuitBreakerConfig.MAX_TIME_WINDOW_SECONDS;

import dev.dreamnet.config.yaml.Section;
import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.breaker.CircuitBreakerConfig.WindowType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code breaker} settings of a service into a {@link CircuitBreakerConfig}. Stateless. */
final class BreakerReader {

    static final List<String> KEYS = List.of("consecutiveFailures", "failureRateThreshold", "slowCallRateThreshold",
            "slowCallDuration", "window", "minimumCalls", "resetTimeout", "permittedCallsInHalfOpen",
            "halfOpenPermitTimeout", "recordExceptions", "ignoreExceptions");
    private static final Map<String, WindowType> WINDOW_TYPES =
            Map.of("count", WindowType.COUNT_BASED, "time", WindowType.TIME_BASED);

    private BreakerReader() {
    }

    /** The configuration; empty, after recording every problem, when a setting is wrong. */
    static Optional<CircuitBreakerConfig> read(Layers breaker) {
        int mark = breaker.mark();
        breaker.allowOnly(KEYS);
        CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.builder();
        breaker.pick("consecutiveFailures", (s, k) -> s.integer(k, 1, Integer.MAX_VALUE))
                .ifPresent(builder::consecutiveFailures);
        breaker.pick("failureRateThreshold", Section::percentage).ifPresent(builder::failureRateThreshold);
        breaker.pick("slowCallRateThreshold", Section::percentage).ifPresent(builder::slowCallRateThreshold);
        breaker.pick("slowCallDuration", ResilienceFile::duration).ifPresent(builder::slowCallDuration);
        window(breaker.whole("window"), builder);
        breaker.pick("minimumCalls", (s, k) -> s.integer(k, 1, MAX_COUNT_WINDOW)).ifPresent(builder::minimumCalls);
        breaker.pick("resetTimeout", ResilienceFile::duration).ifPresent(builder::resetTimeout);
        breaker.pick("permittedCallsInHalfOpen", (s, k) -> s.integer(k, 1, MAX_PERMITTED_CALLS_IN_HALF_OPEN))
                .ifPresent(builder::permittedCallsInHalfOpen);
        breaker.pick("halfOpenPermitTimeout", ResilienceFile::duration).ifPresent(builder::halfOpenPermitTimeout);
        breaker.pick("recordExceptions", ExceptionClasses::read)
                .ifPresent(types -> builder.recordFailure(ExceptionClasses.anyOf(types)));
        breaker.pick("ignoreExceptions", ExceptionClasses::read).ifPresent(types -> builder.ignore(array(types)));
        if (!breaker.validSince(mark)) {
            return Optional.empty();
        }
        try {
            return Optional.of(builder.build());
        } catch (IllegalArgumentException e) {
            breaker.problem(e.getMessage());
            return Optional.empty();
        }
    }

    /** A window is taken whole, from the service or from the defaults: its size means nothing without its type. */
    private static void window(Section window, CircuitBreakerConfig.Builder builder) {
        if (!window.isPresent()) {
            return;
        }
        window.allowOnly(List.of("type", "size"));
        boolean sized = window.require("size");
        Optional<WindowType> type = window.require("type") ? window.oneOf("type", WINDOW_TYPES) : Optional.empty();
        if (type.isEmpty() || !sized) {
            return;
        }
        if (type.get() == WindowType.COUNT_BASED) {
            window.integer("size", 1, MAX_COUNT_WINDOW).ifPresent(builder::countWindow);
            return;
        }
        ResilienceFile.wholeSeconds(window, "size", Duration.ofSeconds(MAX_TIME_WINDOW_SECONDS))
                .ifPresent(builder::timeWindow);
    }

    /** The builder takes varargs, and Java cannot create an array of a generic type without this. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<? extends Throwable>[] array(List<Class<? extends Throwable>> types) {
        return types.toArray(new Class[0]);
    }
}
