package dev.dreamnet.config.resilience;

import dev.dreamnet.config.internal.Text;
import dev.dreamnet.config.yaml.Section;
import dev.dreamnet.core.overload.Bulkhead;
import dev.dreamnet.core.overload.HedgeConfig;
import dev.dreamnet.core.overload.HedgeDelay;
import dev.dreamnet.core.overload.ThrottleConfig;
import dev.dreamnet.core.time.DurationSyntax;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a service's {@code bulkhead}, {@code throttle} and {@code hedge} sections into
 * {@link OutboundSettings}. They are the service's own: {@code defaults} cannot set them. Stateless.
 */
final class OutboundReader {

    static final List<String> KEYS = List.of("bulkhead", "throttle", "hedge");
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d{1,3})?)");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(\\.\\d{1,3})?)%");
    private static final Duration MAX_WINDOW = Duration.ofHours(1);

    private OutboundReader() {
    }

    /** The settings; a guard whose section has a problem is left off, after recording every problem. */
    static OutboundSettings read(Section service) {
        return new OutboundSettings(bulkhead(service.section("bulkhead")), throttle(service.section("throttle")),
                hedge(service.section("hedge")));
    }

    private static OptionalInt bulkhead(Section bulkhead) {
        if (!bulkhead.isPresent()) {
            return OptionalInt.empty();
        }
        bulkhead.allowOnly(List.of("maxConcurrent"));
        if (!bulkhead.require("maxConcurrent")) {
            return OptionalInt.empty();
        }
        return bulkhead.integer("maxConcurrent", 1, Bulkhead.MAX_CONCURRENT).map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    private static Optional<ThrottleConfig> throttle(Section throttle) {
        if (!throttle.isPresent()) {
            return Optional.empty();
        }
        throttle.allowOnly(List.of("k", "window"));
        ThrottleConfig defaults = ThrottleConfig.ofDefaults();
        Optional<Double> k = throttle.number("k", 1, 100);
        Optional<Duration> window = throttle.duration("window", MAX_WINDOW).filter(w -> {
            if (w.compareTo(Duration.ofSeconds(1)) < 0) {
                throttle.problem("window", "must be at least 1s, was " + DurationSyntax.format(w));
                return false;
            }
            return true;
        });
        if (throttle.has("k") && k.isEmpty() || throttle.has("window") && window.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ThrottleConfig(k.orElse(defaults.k()), window.orElse(defaults.window())));
    }

    private static Optional<HedgeConfig> hedge(Section hedge) {
        if (!hedge.isPresent()) {
            return Optional.empty();
        }
        hedge.allowOnly(List.of("after", "maxExtra", "burst"));
        HedgeConfig defaults = HedgeConfig.ofDefaults();
        Optional<HedgeDelay> after = after(hedge);
        Optional<Double> maxExtra = maxExtra(hedge);
        Optional<Integer> burst = hedge.integer("burst", 1, 10_000);
        if (hedge.has("after") && after.isEmpty() || hedge.has("maxExtra") && maxExtra.isEmpty()
                || hedge.has("burst") && burst.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HedgeConfig(after.orElse(defaults.delay()), maxExtra.orElse(defaults.maxExtra()),
                burst.orElse(defaults.burst()), defaults.samples(), defaults.minSamples()));
    }

    /** {@code p95} (a percentile of recent successful calls) or a duration such as {@code 150ms}. */
    private static Optional<HedgeDelay> after(Section hedge) {
        Optional<String> text = hedge.has("after") ? hedge.string("after") : Optional.empty();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher percentile = PERCENTILE.matcher(text.get());
        if (percentile.matches()) {
            double value = Double.parseDouble(percentile.group(1));
            if (value > 0 && value < 100) {
                return Optional.of(HedgeDelay.percentile(value));
            }
        } else if (!text.get().startsWith("p")) {
            return hedge.duration("after", MAX_WINDOW).map(HedgeDelay::fixed);
        }
        hedge.problem("after", "must be a percentile of recent calls such as \"p95\" (above p0, below p100) "
                + "or a duration such as \"150ms\", was " + Text.quote(text.get()));
        return Optional.empty();
    }

    /** A share of calls, written {@code 5%}, in (0%, 100%]. */
    private static Optional<Double> maxExtra(Section hedge) {
        Optional<String> text = hedge.has("maxExtra") ? hedge.string("maxExtra") : Optional.empty();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher percent = PERCENT.matcher(text.get());
        if (percent.matches()) {
            double value = Double.parseDouble(percent.group(1));
            if (value > 0 && value <= 100) {
                return Optional.of(value / 100);
            }
        }
        hedge.problem("maxExtra", "must be a share of calls such as \"5%\", above 0% and at most 100%, was "
                + Text.quote(text.get()));
        return Optional.empty();
    }
}
