package dev.dreamnet.runtime;

import dev.dreamnet.config.overload.OverloadFile;
import dev.dreamnet.config.reload.ReloadingFile;
import dev.dreamnet.config.slo.SlosConfig;
import dev.dreamnet.config.slo.SlosFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.slo.SloState;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Repeating;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.overload.AutomaticBrownout;
import dev.dreamnet.runtime.overload.OverloadProtection;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.runtime.slo.SloService;
import dev.dreamnet.runtime.slo.SloStore;
import dev.dreamnet.runtime.slo.SloViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The service level objectives and what acts on the service's own load: overload protection on the application's
 * routes, automatic brownout (on overload, or on an objective that pages) and the rollout gate that holds promotions
 * while an objective's error budget is spent. Built, started and stopped by {@link DreamNet}.
 */
final class Objectives {

    private final OverloadProtection overload;
    private final AutomaticBrownout automaticBrownout;
    private final Repeating brownoutTicks;
    private final ReloadingFile<SlosConfig> slosFile;
    private final SloService slos;
    private final Repeating sloTicks;

    /** Reads the overload and SLO files, if any, refusing a missing or bad one; watches them from {@link #start()}. */
    Objectives(DreamNetBuilder b, Clock clock, Scheduler scheduler, Executor checks, FlagService flags, AuditLog audit,
               RequestMetrics requests, RolloutService rollouts, Supplier<DataSource> store, String instance)
            throws ConfigException {
        this.overload = b.overloadFile != null ? OverloadProtection.watching(ReloadingFile.builder(b.overloadFile,
                OverloadFile::load).scheduler(scheduler).clock(clock).build(), clock)
                : b.overload != null ? OverloadProtection.of(b.overload, clock) : OverloadProtection.off(clock);
        overload.load();
        this.automaticBrownout = new AutomaticBrownout(overload, flags, audit, requests, clock);
        flags.addListener(automaticBrownout);
        this.brownoutTicks = new Repeating(clock, scheduler, checks, AutomaticBrownout.TICK, automaticBrownout::tick);
        this.slosFile = b.slosFile == null ? null : ReloadingFile.builder(b.slosFile, SlosFile::load)
                .scheduler(scheduler).clock(clock).build();
        if (slosFile != null) {
            slosFile.load();
        }
        SlosConfig codeSlos = b.slos;
        this.slos = new SloService(slosFile == null ? () -> codeSlos : slosFile::current,
                slosFile == null ? Optional::empty : () -> Refusals.of(slosFile), requests,
                new SloStore(store, instance), clock);
        this.sloTicks = new Repeating(clock, scheduler, checks, SloService.TICK, slos::tick);
        rollouts.promotionGate(this::sloGate);
        automaticBrownout.evidence(() -> !slos.config().brownoutOnPage() ? List.of() : slos.statuses().stream()
                .filter(s -> s.state() == SloState.PAGE)
                .map(s -> "SLO " + s.slo().name() + " pages (" + String.join("; ", s.firing()) + ")").toList());
    }

    /** Follows the overload and SLO files' changes, if any (the constructor loaded them). */
    void start() throws ConfigException {
        overload.start();
        if (slosFile != null) {
            slosFile.start();
        }
        slos.start();
    }

    /** Automatic brownout looks at the evidence from now on. */
    void startBrownoutTicks() {
        brownoutTicks.start();
    }

    /** Judges the objectives once now, so they are shown from the first request on, then every tick. */
    void startJudging() {
        slos.tick();
        sloTicks.start();
    }

    /** Stops judging and watching the SLO file; {@code flush} writes the minutes counted so far to the store. */
    void stopJudging(boolean flush) {
        sloTicks.stop();
        if (slosFile != null) {
            slosFile.stop();
        }
        if (flush) {
            slos.flushNow();
        }
    }

    void stopOverload() {
        brownoutTicks.stop();
        overload.stop();
    }

    /** Why a rollout serving {@code routes} may not promote: an objective covering one of them has spent its budget. */
    private String sloGate(Set<String> routes) {
        if (!slos.config().gateRollouts()) {
            return null;
        }
        List<String> spent = routes.stream().sorted().flatMap(route -> slos.exhausted(route).stream())
                .map(s -> String.format(Locale.ROOT, "%s (%.0f%% left)", s.slo().name(), s.budgetRemaining() * 100))
                .distinct().toList();
        return spent.isEmpty() ? null : "promotion held: the error budget of SLO " + String.join(", ", spent)
                + " is spent (slos.yaml gateRollouts)";
    }

    SloService slos() {
        return slos;
    }

    /** The objectives that need an operator, and the SLO file's refused change, if any. */
    List<String> attention() {
        List<String> lines = new ArrayList<>(SloViews.attention(slos.statuses()));
        slos.refusal().ifPresent(lines::add);
        return lines;
    }

    OverloadProtection overload() {
        return overload;
    }

    AutomaticBrownout automaticBrownout() {
        return automaticBrownout;
    }
}
