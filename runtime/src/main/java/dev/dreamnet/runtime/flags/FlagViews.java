package dev.dreamnet.runtime.flags;

import dev.dreamnet.config.reload.ReloadError;
import dev.dreamnet.core.flags.FlagDecision;
import dev.dreamnet.core.flags.FlagDefinition;
import dev.dreamnet.core.flags.FlagSnapshot;
import dev.dreamnet.core.flags.FlagState;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON shape of {@code GET /api/integration-flags}. */
public final class FlagViews {

    private FlagViews() {
    }

    public record FlagView(String name, boolean enabled, boolean effective, String decidedBy, Boolean override,
                           String owner, String description, String degradation, boolean external, String agent) {
    }

    public record StateView(String mode, boolean safeMode, boolean writeDrain, Map<String, Boolean> overrides,
                            Set<String> quarantinedAgents, long version) {
    }

    public record ReloadView(String file, ErrorView lastError) {
    }

    /** The last refused version of the file: what was wrong (file:line), when, and its content hash. */
    public record ErrorView(List<String> problems, java.time.Instant at, String attemptedVersion) {
        static ErrorView of(ReloadError error) {
            return new ErrorView(error.problems(), error.at(), error.attemptedVersion().orElse(null));
        }
    }

    /** {@code shared} is null outside fleet mode; in it, whether the state shown is followed live or stale. */
    public record FlagsView(String configVersion, StateView state, List<FlagView> flags, ReloadView reload,
                            String precedence, dev.dreamnet.runtime.fleet.SharedState.Status shared) {
    }

    public static FlagsView of(FlagService service) {
        return of(service, service.snapshot());
    }

    public static FlagsView of(FlagService service, FlagSnapshot snapshot) {
        FlagState s = snapshot.state();
        List<FlagView> flags = snapshot.definitions().stream().map(d -> view(d, snapshot.explain(d.name()), s)).toList();
        ReloadView reload = service.file().map(f -> new ReloadView(f.file().toString(), f.lastError().map(ErrorView::of).orElse(null)))
                .orElse(null);
        return new FlagsView(snapshot.configVersion(), new StateView(s.mode().name(), s.killSwitches().safeMode(),
                s.killSwitches().writeDrain(), s.overrides(), s.quarantinedAgents(), s.version()), flags, reload,
                "kill switch > emergency > brownout > override > flag value",
                service.shared().map(dev.dreamnet.runtime.fleet.SharedState::status).orElse(null));
    }

    private static FlagView view(FlagDefinition d, FlagDecision decision, FlagState state) {
        return new FlagView(d.name(), d.enabled(), decision.enabled(), decision.rule().name(),
                state.overrides().get(d.name()), d.owner(), d.description(), d.degradation().name(), d.external(),
                d.agent().orElse(null));
    }
}
