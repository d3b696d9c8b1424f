package dev.dreamnet.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code config/feature-flags.yaml} shipped at the root of the project loads, and says what the seed's flags said. */
class ShippedFlagsFileTest {

    static final Path SHIPPED = Path.of("..", "config", "feature-flags.yaml");
    private static FlagsConfig config;

    @BeforeAll
    static void load() throws ConfigException {
        config = FlagsFile.load(SHIPPED);
    }

    @Test
    void declaresTheSeedsNineFlagsInFileOrder() {
        assertThat(config.flags()).extracting(FlagSpec::name).containsExactly("llm.calls", "agent.citadel",
                "agent.dronedome", "dreams.write", "dreams.search", "dreams.interpretation", "notifications.email",
                "analytics.events", "recommendations");
    }

    @Test
    void everyFlagIsOnAndHasAnOwnerAndADescription() {
        assertThat(config.flags()).allSatisfy(flag -> {
            assertThat(flag.enabled()).isTrue();
            assertThat(flag.owner()).isNotBlank();
            assertThat(flag.description()).isNotBlank();
            assertThat(flag.line()).isPositive();
        });
    }

    @Test
    void providerCallsAreExternalAndShedAtBrownout() {
        FlagSpec llm = config.flag("llm.calls").orElseThrow();
        assertThat(llm.external()).isTrue();
        assertThat(llm.degradation()).isEqualTo(FlagSpec.BROWNOUT);
        assertThat(config.flags()).filteredOn(FlagSpec::external).extracting(FlagSpec::name)
                .containsExactly("llm.calls", "dreams.interpretation");
    }

    @Test
    void citadelAndDroneDomeEachHaveAQuarantineFlag() {
        assertThat(config.agentFlag("citadel")).map(FlagSpec::name).hasValue("agent.citadel");
        assertThat(config.agentFlag("dronedome")).map(FlagSpec::name).hasValue("agent.dronedome");
        assertThat(config.agentFlag("citadel").orElseThrow().degradation()).isEqualTo(FlagSpec.EMERGENCY);
    }

    @Test
    void writingDreamsIsKeptInEveryMode() {
        assertThat(config.flag("dreams.write").orElseThrow().degradation()).isEqualTo(FlagSpec.KEPT);
        assertThat(config.flag("recommendations").orElseThrow().degradation()).isEqualTo(FlagSpec.EMERGENCY);
    }

    @Test
    void versionIsTheHashOfTheFilesBytes() throws IOException, NoSuchAlgorithmException {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SHIPPED)));

        assertThat(config.version()).isEqualTo("sha256:" + hex.substring(0, 12));
    }

    @Test
    void parsingTheSameTextGivesAnEqualConfig() throws IOException, ConfigException {
        assertThat(FlagsFile.parse(SHIPPED.toString(), Files.readString(SHIPPED))).isEqualTo(config);
    }
}
