package dev.dreamnet.runtime;

import dev.dreamnet.config.reload.ReloadingFile;
import dev.dreamnet.config.resilience.ResilienceFile;
import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resilience file, watched while the runtime runs: each valid change reloads the breakers, retries and outbound
 * guards without a restart; a change that does not load or validate is logged with the file's name and the settings
 * in force stay. Nothing to watch when the application gave its settings in code.
 */
final class ResilienceReloads {

    private static final Logger LOG = LoggerFactory.getLogger(DreamNet.class);

    private final ReloadingFile<ResilienceSettings> file;

    /** Watches {@code file}, or nothing when it is null. */
    ResilienceReloads(Path file, Scheduler scheduler, Clock clock) {
        this.file = file == null ? null
                : ReloadingFile.builder(file, ResilienceFile::load).scheduler(scheduler).clock(clock).build();
    }

    /** Starts watching, reloading {@code downstreams} on each change. */
    void start(Downstreams downstreams) throws ConfigException {
        if (file == null) {
            return;
        }
        file.start();
        file.addListener(settings -> {
            try {
                downstreams.reload(DreamNetBuilder.toolkitDefaults(settings));
                LOG.info("resilience settings reloaded from {}", file.file());
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: {}", file.file(), e.getMessage());
            }
        });
    }

    /** Why the file's latest version is refused, as a line for operators, while it is. */
    Optional<String> refusal() {
        return file == null ? Optional.empty() : Refusals.of(file);
    }

    void stop() {
        if (file != null) {
            file.stop();
        }
    }
}
