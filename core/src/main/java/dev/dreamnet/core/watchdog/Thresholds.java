package dev.dreamnet.core.watchdog;

/**
 * The values at which a watchdog turns WARN and CRIT; higher is worse and {@code warn <= crit}
 * (equal means there is no WARN band). Immutable and thread-safe.
 *
 * @param warn the value at or above which the level is WARN
 * @param crit the value at or above which the level is CRIT
 */
public record Thresholds(double warn, double crit) {

    public Thresholds {
        check("thresholds", warn, crit);
    }

    /**
     * Thresholds for the setting named {@code setting}; an invalid pair is refused with a message
     * naming it, e.g. {@code "heap-after-gc.thresholds: warn (95) must be <= crit (90)"}.
     */
    public static Thresholds of(String setting, double warn, double crit) {
        check(setting, warn, crit);
        return new Thresholds(warn, crit);
    }

    /** Like {@link #of}, and both values must also be percentages in (0, 100]. */
    public static Thresholds percent(String setting, double warn, double crit) {
        if (!(warn > 0 && warn <= 100) || !(crit > 0 && crit <= 100)) {
            throw new IllegalArgumentException(setting + ": warn and crit must be percentages in (0, 100], were "
                    + Numbers.plain(warn) + " and " + Numbers.plain(crit));
        }
        return of(setting, warn, crit);
    }

    /** The level of {@code value}: CRIT at or above {@code crit}, WARN at or above {@code warn}, else OK. */
    public Level levelOf(double value) {
        if (value >= crit) {
            return Level.CRIT;
        }
        return value >= warn ? Level.WARN : Level.OK;
    }

    /** The threshold that matters at {@code level}, for a reason: "warn at 80%" when OK, else "crit at 90%". */
    public String next(Level level, String unit) {
        return level == Level.OK && warn < crit
                ? "warn at " + Numbers.plain(warn) + unit
                : "crit at " + Numbers.plain(crit) + unit;
    }

    private static void check(String setting, double warn, double crit) {
        if (!Double.isFinite(warn) || !Double.isFinite(crit) || warn < 0 || crit < 0) {
            throw new IllegalArgumentException(setting + ": warn and crit must be finite and >= 0, were "
                    + warn + " and " + crit);
        }
        if (warn > crit) {
            throw new IllegalArgumentException(setting + ": warn (" + Numbers.plain(warn)
                    + ") must be <= crit (" + Numbers.plain(crit) + ")");
        }
    }
}
