package dev.dreamnet.runtime.flags;

import dev.dreamnet.core.flags.KillSwitches;
import java.util.Locale;
import java.util.Map;

/** Reads the kill switches set at boot: {@code SAFE_MODE=on} and {@code WRITE_DRAIN=on}. */
public final class BootSwitches {

    public static final String SAFE_MODE = "SAFE_MODE";
    public static final String WRITE_DRAIN = "WRITE_DRAIN";

    private BootSwitches() {
    }

    /** @throws IllegalArgumentException naming the variable when its value is neither on nor off */
    public static KillSwitches from(Map<String, String> environment) {
        return new KillSwitches(on(environment, SAFE_MODE), on(environment, WRITE_DRAIN));
    }

    private static boolean on(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "1", "yes" -> true;
            case "off", "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be on or off, was \"" + value + "\"");
        };
    }
}
