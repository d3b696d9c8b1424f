package dev.dreamnet.cli;

import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.text.DidYouMean;
import dev.dreamnet.reference.Preflight.GraphCheck;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one line {@code dreamnet dag validate} prints about services whose kinds this build does not know (the
 * application's own components), instead of one error per service: how many services, and their kinds in the
 * order first used, the first {@value #LISTED} of them, each with a did-you-mean when it is close to a known kind.
 * Stateless.
 */
final class OwnKindsNote {

    static final int LISTED = 10;

    private OwnKindsNote() {
    }

    /** The note for {@code check}; empty when every kind is known. */
    static Optional<String> of(GraphCheck check) {
        int services = check.ofOwnKinds().size();
        if (services == 0) {
            return Optional.empty();
        }
        List<String> kinds = check.ofOwnKinds().stream().map(ServiceSpec::kind).distinct().toList();
        String listed = kinds.stream().limit(LISTED).map(kind -> kind + DidYouMean.suggest(kind, check.knownKinds()))
                .collect(Collectors.joining(", "));
        String more = kinds.size() > LISTED ? " and " + (kinds.size() - LISTED) + " more" : "";
        String who = services == 1 ? "1 service uses a kind" : services + " services use kinds";
        String whose = services == 1 ? "its own component" : "their own components";
        return Optional.of("note: " + who + " this build does not know (" + whose + "): " + listed + more
                + "; checked for structure only, --kinds to require them");
    }
}
