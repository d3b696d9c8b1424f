package dev.dreamnet.bench.overload;

import dev.dreamnet.core.overload.Criticality;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;

/** Prints one run's tables and goals, and appends its summary row to {@code --summary}. Not thread-safe. */
final class LoadReport {

    /** Of each second's requests, this share answered 2xx counts as full goodput. */
    static final double FULL_GOODPUT = 0.99;

    private final LoadOptions options;
    private final ArrivalSchedule schedule;
    private final PhaseStats[] phases;
    private final AtomicLongArray sentPerSecond;
    private final AtomicLongArray okPerSecond;

    LoadReport(LoadOptions options, ArrivalSchedule schedule, PhaseStats[] phases, AtomicLongArray sentPerSecond,
            AtomicLongArray okPerSecond) {
        this.options = options;
        this.schedule = schedule;
        this.phases = phases;
        this.sentPerSecond = sentPerSecond;
        this.okPerSecond = okPerSecond;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "== %s: capacity %.0f req/s, mix %s, client timeout %d ms%n", options.name(),
                options.capacity(), options.mix(), options.timeout().toMillis());
        out.println("phase     rate/s  class        sent     2xx     503   429 other timeout   err  p50 ms  p99 ms");
        for (int i = 0; i < phases.length; i++) {
            ArrivalSchedule.Phase phase = schedule.phases().get(i);
            for (Criticality c : Criticality.values()) {
                row(out, phase, c.name(), phases[i].of(c));
            }
            row(out, phase, "all", phases[i].total());
        }
        out.println("phase     goodput/s  live p50  live p99  down  lag p50  lag p99  lag max  outstanding max");
        for (int i = 0; i < phases.length; i++) {
            PhaseStats p = phases[i];
            ArrivalSchedule.Phase phase = schedule.phases().get(i);
            out.printf(Locale.ROOT, "%-9s %9.0f %9.1f %9.1f %5d %8.2f %8.2f %8.1f %16d%n", phase.name(),
                    p.total().count(ClassStats.Outcome.OK) / (double) phase.seconds(), p.liveMillis(50),
                    p.liveMillis(99), p.liveFailures(), p.lagMillis(50), p.lagMillis(99), p.lagMaxMillis(),
                    p.maxOutstanding());
        }
        int recovery = recovery(out);
        Goals goals = Goals.of(schedule, phases, options.unloadedStep(), options.peakStep(), recovery);
        goals(out, goals);
        summary(goals);
    }

    private static void row(PrintStream out, ArrivalSchedule.Phase phase, String name, ClassStats s) {
        out.printf(Locale.ROOT, "%-9s %6.0f  %-9s %7d %7d %7d %5d %5d %7d %5d %7.1f %7.1f%n", phase.name(),
                phase.rate(), name, s.sentCount(), s.count(ClassStats.Outcome.OK),
                s.count(ClassStats.Outcome.REFUSED_503), s.count(ClassStats.Outcome.REFUSED_429),
                s.count(ClassStats.Outcome.OTHER_STATUS), s.count(ClassStats.Outcome.TIMEOUT),
                s.count(ClassStats.Outcome.ERROR), s.okMillis(50), s.okMillis(99));
    }

    private int recovery(PrintStream out) {
        int index = schedule.indexOf("recovery");
        int first = (int) (schedule.phaseStartNanos(index) / 1_000_000_000L);
        int seconds = schedule.phases().get(index).seconds();
        long[] sent = new long[seconds];
        long[] ok = new long[seconds];
        StringBuilder line = new StringBuilder();
        for (int s = 0; s < seconds; s++) {
            sent[s] = sentPerSecond.get(first + s);
            ok[s] = okPerSecond.get(first + s);
            line.append(String.format(Locale.ROOT, " %.0f%%", 100.0 * ok[s] / Math.max(1, sent[s])));
        }
        int recovered = Recovery.secondsToFullGoodput(sent, ok, FULL_GOODPUT);
        out.println("recovery, 2xx share of each second's requests:" + line);
        return recovered;
    }

    private void goals(PrintStream out, Goals g) {
        String at = options.peakStep();
        out.printf(Locale.ROOT, "goals at %s:%n", at);
        out.printf(Locale.ROOT, "  goodput %.0f/s = %.0f%% of the peak %.0f/s (goal >= 90%%): %s%n",
                g.overloadGoodput(), 100 * g.goodputShare(), g.peakGoodput(), verdict(g.goodputMet()));
        out.printf(Locale.ROOT, "  CRITICAL p99 %.1f ms = %.2fx its %.1f ms at %s (goal <= 2x): %s%n",
                g.criticalOverload(), g.criticalRatio(), g.criticalUnloaded(), options.unloadedStep(),
                verdict(g.criticalMet()));
        out.printf(Locale.ROOT, "  refused %d, SHEDDABLE %.1f%% of them (goal >= 95%%): %s; failed otherwise %d%n",
                g.refused(), 100 * g.sheddableShare(), verdict(g.sheddableMet()), g.failed());
        out.printf(Locale.ROOT, "  liveness p99 %.1f ms (goal < 50 ms): %s; worst phase %.1f ms%n",
                g.liveOverload(), verdict(g.liveMet()), g.liveWorst());
        out.printf(Locale.ROOT, "  full goodput (>= %.0f%% 2xx, 3 s in a row) %s after the overload (goal <= 10 s): %s%n",
                100 * FULL_GOODPUT, g.recoverySeconds() < 0 ? "never within the recovery phase"
                        : g.recoverySeconds() + " s", verdict(g.recoveryMet()));
        out.printf(Locale.ROOT, "  generator: worst phase p99 send lag %.2f ms%n", g.lagWorst());
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private void summary(Goals g) {
        if (options.summary() == null) {
            return;
        }
        String row = String.format(Locale.ROOT, "%s\t%.0f\t%.0f\t%.0f\t%.2f\t%.1f\t%.1f\t%.2f\t%d\t%.3f\t%d\t%.1f\t%.1f\t%d\t%.2f%n",
                options.name(), options.capacity(), g.peakGoodput(), g.overloadGoodput(), g.goodputShare(),
                g.criticalUnloaded(), g.criticalOverload(), g.criticalRatio(), g.refused(), g.sheddableShare(),
                g.failed(), g.liveOverload(), g.liveWorst(), g.recoverySeconds(), g.lagWorst());
        try {
            Files.writeString(options.summary(), row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the summary to " + options.summary(), e);
        }
    }
}
