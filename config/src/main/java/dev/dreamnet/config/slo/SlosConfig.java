package dev.dreamnet.config.slo;

import dev.dreamnet.core.slo.Slo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service level objectives of {@code config/slos.yaml} and how their budgets steer: whether a rollout waits
 * while its route's budget is spent ({@code gateRollouts}, on by default) and whether a PAGE-level burn enters
 * brownout ({@code brownoutOnPage}, off by default). {@code version} is a hash of the file, or {@code "code"}.
 * Immutable.
 */
public record SlosConfig(List<Slo> slos, boolean gateRollouts, boolean brownoutOnPage, String version) {

    public SlosConfig {
        slos = List.copyOf(slos);
        Objects.requireNonNull(version, "version");
        if (slos.stream().map(Slo::name).distinct().count() != slos.size()) {
            throw new IllegalArgumentException("two objectives share a name");
        }
    }

    /** No objectives. */
    public static SlosConfig none() {
        return new SlosConfig(List.of(), true, false, "none");
    }

    /** The objectives in code, with the default policy. */
    public static SlosConfig of(List<Slo> slos) {
        return new SlosConfig(slos, true, false, "code");
    }

    public Optional<Slo> slo(String name) {
        return slos.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The objectives that cover {@code route}. */
    public List<Slo> covering(String route) {
        return slos.stream().filter(s -> s.routes().contains(route)).toList();
    }
}
