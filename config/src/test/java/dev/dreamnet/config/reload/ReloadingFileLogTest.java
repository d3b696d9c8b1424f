package dev.dreamnet.config.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.flags.FlagsConfig;
import dev.dreamnet.config.flags.FlagsFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.time.ManualScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refused version is logged once per distinct error, not once per poll nor once per edit that repeats it. */
class ReloadingFileLogTest {

    private static final String VALID = "flags:\n  a: {enabled: true, owner: o, description: d}\n";
    private static final String WRONG_OWNER = "flags:\n  a: {enabled: true, owner: 1, description: d}\n";

    @TempDir
    Path dir;
    private final Logger logger = Logger.getLogger(ReloadingFile.class.getName());
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void record() {
        logger.addHandler(recorder);
    }

    @AfterEach
    void stopRecording() {
        logger.removeHandler(recorder);
    }

    @Test
    void logsEachDistinctErrorOnceAndAgainAfterAGoodVersion() throws IOException, ConfigException {
        Path file = Files.writeString(dir.resolve("flags.yaml"), VALID);
        ManualScheduler scheduler = new ManualScheduler();
        ReloadingFile<FlagsConfig> reloading =
                ReloadingFile.builder(file, FlagsFile::load).scheduler(scheduler).clock(scheduler).build();
        reloading.start();

        write(file, scheduler, WRONG_OWNER);
        scheduler.advance(ReloadingFile.DEFAULT_INTERVAL.multipliedBy(20));
        write(file, scheduler, WRONG_OWNER + "# an edit that leaves the same error\n");
        assertThat(warnings).as("one error, polled 20 times and edited once").hasSize(1);

        write(file, scheduler, "flags: {}\n");
        assertThat(warnings).as("a different error").hasSize(2);

        write(file, scheduler, VALID);
        write(file, scheduler, WRONG_OWNER);
        assertThat(warnings).as("the first error again, after a good version").hasSize(3);
    }

    private static void write(Path file, ManualScheduler scheduler, String yaml) throws IOException {
        Files.writeString(file, yaml);
        scheduler.advance(ReloadingFile.DEFAULT_INTERVAL);
    }
}
