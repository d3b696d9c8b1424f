package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.jdbc.H2Files;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.DreamNetBuilder;
import dev.dreamnet.runtime.tracing.Tracing;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Warms DreamNet up on a background thread while Spring is still reading the application's configuration, as Spring
 * Boot does for Jackson and its message converters: loads the runtime's classes by building (and shutting down, never
 * started) a DreamNet of no services, and, when DreamNet will open an H2 database before readiness, runs the toolkit's
 * DDL once in a private in-memory H2 database. Nothing is opened, listened on or written, and nothing is logged. The
 * {@code DreamNet} bean, built later on the main thread, then finds its classes loaded and H2 warm. Once per JVM; off
 * with {@code dreamnet.enabled=false} and with Boot's own switch, {@code spring.backgroundpreinitializer.ignore=true}.
 */
public final class DreamNetPreinitializer implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DreamNetPreinitializer.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    static final String IGNORE = "spring.backgroundpreinitializer.ignore";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        if (!environment.getProperty("dreamnet.enabled", Boolean.class, true)
                || Boolean.parseBoolean(System.getProperty(IGNORE)) || !STARTED.compareAndSet(false, true)) {
            return;
        }
        String database = environment.getProperty("dreamnet.database", DreamNetBuilder.defaultDatabaseUrl());
        Thread thread = new Thread(() -> warm(opensH2BeforeReadiness(database)), "dreamnet-preinit");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether DreamNet will open an H2 database before the application is ready: an H2 URL, but not a file not
     * created yet (a new store opens after readiness, so warming H2 now would only compete with the start).
     */
    static boolean opensH2BeforeReadiness(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") && H2Files.dataFile(jdbcUrl).map(Files::exists).orElse(true);
    }

    /** Whether the warm-up ran to its end. */
    static boolean warm(boolean h2) {
        try {
            DreamNet.builder().tracing(Tracing.off()).build().shutdown();
            if (h2) {
                org.h2.jdbcx.JdbcDataSource scratch = new org.h2.jdbcx.JdbcDataSource();
                scratch.setURL("jdbc:h2:mem:"); // private to its connection, gone when it closes
                dev.dreamnet.runtime.ToolkitSchema.ensure(scratch);
            }
            return true;
        } catch (Exception | LinkageError e) {
            // Only time is lost: the bean does the same work for real, and reports what fails there.
            LOG.debug("DreamNet's background warm-up stopped: {}", e.toString());
            return false;
        }
    }
}
