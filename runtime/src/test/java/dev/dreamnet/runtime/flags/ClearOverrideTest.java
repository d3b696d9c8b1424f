package dev.dreamnet.runtime.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.flags.FlagSnapshot;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.audit.AuditEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FlagService#clearOverride}: the one check every surface (Javalin routes, Spring endpoint) clears through. */
class ClearOverrideTest {

    private static final String FLAGS = """
            flags:
              search.semantic:
                enabled: true
                owner: search-team
                description: Semantic search
            """;

    @TempDir
    Path dir;
    private DreamNet dreamnet;
    private FlagService flags;

    @BeforeEach
    void start() throws Exception {
        Path file = Files.writeString(dir.resolve("flags.yaml"), FLAGS);
        dreamnet = DreamNet.builder().flags(file).environment(Map.of())
                .database("jdbc:h2:mem:clearoverride_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .shutdownGrace(Duration.ofSeconds(1)).build().start();
        dreamnet.started().get(10, TimeUnit.SECONDS);
        flags = dreamnet.flags();
    }

    @AfterEach
    void stop() {
        dreamnet.shutdown();
    }

    @Test
    void clearingAnOverrideThatIsNotSetIsRefusedNamingTheFlagWithNoAuditEntryAndNoChange() throws Exception {
        // The bug: it answered 200 and wrote "flag.clear-override" to the audit log for nothing.
        FlagSnapshot before = flags.snapshot();

        assertThatThrownBy(() -> flags.clearOverride("search.semantic", "alice", "INC-7"))
                .isInstanceOf(NoOverrideException.class)
                .hasMessage("no override is set for flag \"search.semantic\"");

        assertThat(flags.snapshot()).isSameAs(before);
        assertThat(dreamnet.audit().recent(10)).isEmpty();
    }

    @Test
    void aFlagTheFileDoesNotDefineIsSaidToBeUnknownToo() {
        assertThatThrownBy(() -> flags.clearOverride("serch.semantic", "alice", "INC-7"))
                .isInstanceOf(NoOverrideException.class)
                .hasMessage("no override is set for flag \"serch.semantic\" (nor does the flags file define it)");
    }

    @Test
    void aSetOverrideIsClearedAndAudited() throws Exception {
        flags.change(s -> s.withOverride("search.semantic", false), "alice", "flag.override", "search.semantic", "",
                "INC-7");

        FlagSnapshot after = flags.clearOverride("search.semantic", "bob", "INC-7 over");

        assertThat(after.state().overrides()).isEmpty();
        List<AuditEntry> entries = dreamnet.audit().recent(10);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("flag.clear-override", "flag.override");
        assertThat(entries.get(0).actor()).isEqualTo("bob");
        assertThat(entries.get(0).before()).contains("overrides={search.semantic=false}");
        assertThat(entries.get(0).after()).contains("overrides={}");
    }

    @Test
    void anOverrideWhoseFlagLeftTheFileIsStillCleared() {
        flags.change(s -> s.withOverride("gone", true), "alice", "flag.override", "gone", "", "orphan");
        assertThat(flags.snapshot().contains("gone")).isFalse();

        assertThat(flags.clearOverride("gone", "alice", "orphan").state().overrides()).doesNotContainKey("gone");
    }
}
