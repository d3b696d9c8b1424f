package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.core.startup.StartupStatus;
import dev.dreamnet.runtime.DreamNet;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs DreamNet in Spring's lifecycle. It starts after the web server (so probes answer, refusing traffic, while the
 * graph starts) and waits for the graph: a critical failure fails the application's startup with the path to the
 * failed service. It stops before the web server: readiness turns off, in-flight requests drain, then the graph's
 * services stop in reverse order; requests arriving meanwhile are refused by the traffic gate. Thread-safe.
 */
public final class DreamNetLifecycle implements SmartLifecycle {

    /** After the web server starts (its start-stop phase is lower) and before its graceful shutdown stops. */
    public static final int PHASE = Integer.MAX_VALUE - 512;
    private static final Logger LOG = LoggerFactory.getLogger(DreamNetLifecycle.class);

    private final DreamNet dreamnet;
    private volatile boolean running;

    public DreamNetLifecycle(DreamNet dreamnet) {
        this.dreamnet = dreamnet;
    }

    @Override
    public void start() {
        StartupSnapshot result;
        try {
            dreamnet.start();
            result = dreamnet.started().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dreamnet.shutdown();
            throw new IllegalStateException("interrupted while DreamNet's startup graph ran", e);
        } catch (ExecutionException e) {
            dreamnet.shutdown();
            throw new IllegalStateException("DreamNet startup failed: " + e.getCause(), e.getCause());
        } catch (ConfigException e) {
            throw new DreamNetConfigurationException(e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("DreamNet could not start: " + e.getMessage(), e);
        }
        running = true;
        if (result.status() == StartupStatus.FAILED) {
            stop();
            throw new DreamNetStartupException(StartupFailure.describe(result));
        }
        if (result.status() == StartupStatus.DEGRADED) {
            LOG.warn("DreamNet started DEGRADED: {}", result.reason());
        }
    }

    @Override
    public void stop() {
        running = false;
        dreamnet.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
