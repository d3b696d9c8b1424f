package dev.dreamnet.config.resilience;

import dev.dreamnet.core.retry.Backoff;
import dev.dreamnet.core.retry.RetryConfig;
import dev.dreamnet.core.retry.RetryConfig.Budget;
import dev.dreamnet.core.time.DurationSyntax;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads the {@code retry} settings of a service into a {@link RetryConfig}. Stateless. */
final class RetryReader {

    static final List<String> KEYS = List.of("maxAttempts", "retryOn", "backoff", "budget");
    /** The longest budget window the core accepts. */
    private static final Duration MAX_BUDGET_WINDOW = Duration.ofHours(1);

    private RetryReader() {
    }

    /** The configuration; empty, after recording every problem, when a setting is wrong. */
    static Optional<RetryConfig> read(Layers retry) {
        int mark = retry.mark();
        retry.allowOnly(KEYS);
        RetryConfig.Builder builder = RetryConfig.builder();
        retry.pick("maxAttempts", (s, k) -> s.integer(k, 1, RetryConfig.MAX_ATTEMPTS)).ifPresent(builder::maxAttempts);
        retry.pick("retryOn", ExceptionClasses::read)
                .ifPresent(types -> builder.retryOn(ExceptionClasses.anyOf(types)));
        backoff(retry.section("backoff")).ifPresent(builder::backoff);
        budget(retry.section("budget")).ifPresent(builder::budget);
        if (!retry.validSince(mark)) {
            return Optional.empty();
        }
        try {
            return Optional.of(builder.build());
        } catch (IllegalArgumentException e) {
            retry.problem(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Backoff> backoff(Layers backoff) {
        int mark = backoff.mark();
        backoff.allowOnly(List.of("initial", "max", "jitter"));
        Backoff defaults = Backoff.exponential();
        Duration initial = backoff.pick("initial", ResilienceFile::duration).orElse(defaults.base());
        Duration max = backoff.pick("max", ResilienceFile::duration).orElse(defaults.cap());
        Backoff.Jitter jitter = backoff.pick("jitter", (s, k) -> s.enumValue(k, Backoff.Jitter.class))
                .orElse(defaults.jitter());
        if (!backoff.validSince(mark)) {
            return Optional.empty();
        }
        if (max.compareTo(initial) < 0) {
            backoff.problem("max (" + DurationSyntax.format(max) + ") must be >= initial ("
                    + DurationSyntax.format(initial) + ")");
            return Optional.empty();
        }
        return Optional.of(new Backoff(initial, max, jitter));
    }

    private static Optional<Budget> budget(Layers budget) {
        int mark = budget.mark();
        budget.allowOnly(List.of("ratio", "minPerSecond", "window"));
        Budget defaults = Budget.ofDefaults();
        double ratio = budget.pick("ratio", (s, k) -> s.number(k, 0, 1)).orElse(defaults.ratio());
        int minPerSecond = budget.pick("minPerSecond", (s, k) -> s.integer(k, 0, Integer.MAX_VALUE))
                .orElse(defaults.minPerSecond());
        Duration window = budget.pick("window", (s, k) -> ResilienceFile.wholeSeconds(s, k, MAX_BUDGET_WINDOW))
                .orElse(defaults.window());
        return budget.validSince(mark) ? Optional.of(new Budget(ratio, minPerSecond, window)) : Optional.empty();
    }
}
