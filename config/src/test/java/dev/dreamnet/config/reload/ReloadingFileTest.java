package dev.dreamnet.config.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.config.flags.FlagsConfig;
import dev.dreamnet.config.flags.FlagsFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.YamlDocument;
import dev.dreamnet.core.time.ManualScheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reloaded file: valid versions are swapped in, invalid ones refused while the last good one stays. No sleeps. */
class ReloadingFileTest {

    private static final Duration INTERVAL = ReloadingFile.DEFAULT_INTERVAL;
    private static final String VALID = flags("true", "kept");

    @TempDir
    Path dir;
    private Path file;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<FlagsConfig> heard = new CopyOnWriteArrayList<>();
    private ReloadingFile<FlagsConfig> flags;

    @BeforeEach
    void startOnAValidFile() throws IOException, ConfigException {
        file = Files.writeString(dir.resolve("feature-flags.yaml"), VALID);
        flags = ReloadingFile.builder(file, FlagsFile::load).scheduler(scheduler).clock(scheduler).build();
        flags.addListener(heard::add);
        flags.start();
    }

    @Test
    void startLoadsAtOnceAndLooksAgainEveryInterval() {
        assertThat(flags.current().flag("llm.calls").orElseThrow().enabled()).isTrue();
        assertThat(flags.lastError()).isEmpty();
        assertThat(scheduler.pendingDelays()).containsExactly(INTERVAL);
        assertThat(heard).as("the first load is current(), not a change").isEmpty();
    }

    @Test
    void validThenInvalidThenValidKeepsTheLastGoodAndShowsTheErrorUntilFixed() throws IOException {
        FlagsConfig first = flags.current();

        write(flags("true", "brownot"));
        assertThat(flags.current()).isSameAs(first);
        ReloadError error = flags.lastError().orElseThrow();
        assertThat(error.problems()).containsExactly(file + ":6: flags.llm.calls.degradation: must be one of "
                + "\"brownout\", \"emergency\" or \"kept\", was \"brownot\" (did you mean \"brownout\"?)");
        assertThat(error.at()).isEqualTo(scheduler.now());
        assertThat(error.attemptedVersion()).hasValue(version(flags("true", "brownot")));

        write(flags("false", "brownout"));
        assertThat(flags.current().flag("llm.calls").orElseThrow().enabled()).isFalse();
        assertThat(flags.lastError()).isEmpty();
        assertThat(heard).containsExactly(flags.current());
    }

    @Test
    void aDeletedFileKeepsTheLastGoodAndSaysItIsGone() throws IOException {
        FlagsConfig first = flags.current();

        Files.delete(file);
        scheduler.advance(INTERVAL);

        assertThat(flags.current()).isSameAs(first);
        ReloadError error = flags.lastError().orElseThrow();
        assertThat(error.message()).isEqualTo(file + ": cannot read file: No such file or directory");
        assertThat(error.attemptedVersion()).isEmpty();

        write(VALID);
        assertThat(flags.lastError()).as("the same good file back clears the error").isEmpty();
        assertThat(heard).as("and is no change").isEmpty();
    }

    @Test
    void seesARewriteWithTheSameSizeAndModificationTime() throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        String sameSize = VALID.replace("owner: ai-a", "owner: ai-b");
        assertThat(sameSize).isNotEqualTo(VALID).hasSameSizeAs(VALID);

        Files.writeString(file, sameSize);
        Files.setLastModifiedTime(file, before);
        scheduler.advance(INTERVAL);

        assertThat(flags.current().flag("llm.calls").orElseThrow().owner()).isEqualTo("ai-b");
    }

    @Test
    void tellsListenersOncePerRealChangeNotOnEveryPoll() throws IOException {
        scheduler.advance(INTERVAL.multipliedBy(10));
        assertThat(heard).isEmpty();

        write(flags("false", "kept"));
        scheduler.advance(INTERVAL.multipliedBy(10));
        assertThat(heard).hasSize(1);

        write(flags("false", "kept"));
        assertThat(heard).as("the same content written again is no change").hasSize(1);
    }

    @Test
    void aThrowingListenerDoesNotStopReloadingNorTheOtherListeners() throws IOException {
        flags.addListener(config -> {
            throw new IllegalStateException("listener bug");
        });
        List<FlagsConfig> after = new CopyOnWriteArrayList<>();
        flags.addListener(after::add);

        write(flags("false", "kept"));
        write(flags("true", "emergency"));

        assertThat(after).hasSize(2).last().isEqualTo(flags.current());
        assertThat(scheduler.pendingTasks()).isEqualTo(1);
    }

    @Test
    void aLoaderThatThrowsUncheckedIsRecordedAndPollingGoesOn() throws IOException, ConfigException {
        Path other = Files.writeString(dir.resolve("other.yaml"), "x");
        ReloadingFile<String> reloading = ReloadingFile.<String>builder(other, path -> {
            String text = new String(YamlDocument.read(path), StandardCharsets.UTF_8);
            if (text.equals("boom")) {
                throw new IllegalArgumentException("loader bug");
            }
            return text;
        }).scheduler(scheduler).build();
        reloading.start();

        Files.writeString(other, "boom");
        scheduler.advance(INTERVAL);
        assertThat(reloading.current()).isEqualTo("x");
        assertThat(reloading.lastError().orElseThrow().message()).contains("loader bug");

        Files.writeString(other, "y");
        scheduler.advance(INTERVAL);
        assertThat(reloading.current()).isEqualTo("y");
    }

    @Test
    void stopEndsPolling() throws IOException {
        FlagsConfig first = flags.current();
        flags.stop();

        write(flags("false", "kept"));

        assertThat(scheduler.pendingTasks()).isZero();
        assertThat(flags.current()).isSameAs(first);
    }

    @Test
    void anInvalidFirstFileFailsStartBecauseThereIsNoLastGood() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "flags: {}\n");
        ReloadingFile<FlagsConfig> reloading = ReloadingFile.builder(broken, FlagsFile::load).scheduler(scheduler).build();

        assertThatThrownBy(reloading::start).isInstanceOf(ConfigException.class)
                .hasMessage(broken + ":1: flags: must name at least one flag");
        assertThatThrownBy(reloading::current).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void buildNamesTheWrongSetting() {
        assertThatThrownBy(() -> ReloadingFile.builder(file, FlagsFile::load).build())
                .hasMessage("scheduler must be set");
        assertThatThrownBy(() -> ReloadingFile.builder(file, FlagsFile::load).scheduler(scheduler)
                .interval(Duration.ZERO).build()).hasMessage("interval must be > 0, was PT0S");
    }

    @Test
    void loadReadsTheFileOnceWithoutLookingAgainAndStartThenOnlyLooks() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        ReloadingFile<FlagsConfig> built = ReloadingFile.<FlagsConfig>builder(file, path -> {
            loads.incrementAndGet();
            return FlagsFile.load(path);
        }).scheduler(scheduler).clock(scheduler).build();
        List<Duration> before = scheduler.pendingDelays();

        assertThat(built.load()).as("loaded now").isTrue();
        assertThat(built.load()).as("loaded already").isFalse();

        assertThat(built.current().flag("llm.calls").orElseThrow().enabled()).isTrue();
        assertThat(scheduler.pendingDelays()).as("nothing scheduled until start").isEqualTo(before);
        built.start();
        assertThat(loads).as("start does not read the file load read").hasValue(1);
        assertThat(scheduler.pendingDelays()).hasSize(before.size() + 1);
        built.stop();
    }

    @Test
    void aChangeMadeBetweenLoadAndStartIsSeenAtTheFirstLook() throws Exception {
        ReloadingFile<FlagsConfig> built = ReloadingFile.builder(file, FlagsFile::load).scheduler(scheduler)
                .clock(scheduler).build();
        built.load();
        Files.writeString(file, flags("false", "kept"));

        built.start();
        scheduler.advance(INTERVAL);

        assertThat(built.current().flag("llm.calls").orElseThrow().enabled()).isFalse();
        built.stop();
    }

    @Test
    void loadRefusesAMissingFileNamingItAndLeavesNothingToAnswer() {
        ReloadingFile<FlagsConfig> missing = ReloadingFile.builder(dir.resolve("absent.yaml"), FlagsFile::load)
                .scheduler(scheduler).clock(scheduler).build();

        assertThatThrownBy(missing::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("absent.yaml") + ": cannot read file");
        assertThatThrownBy(missing::current).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call load() or start() first");
    }

    private void write(String yaml) throws IOException {
        Files.writeString(file, yaml);
        scheduler.advance(INTERVAL);
    }

    static String version(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String flags(String enabled, String degradation) {
        return "flags:\n  llm.calls:\n    enabled: " + enabled + "\n    owner: ai-a\n    description: LLM\n"
                + "    degradation: " + degradation + "\n";
    }
}
