package dev.dreamnet.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.startup.ServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the builder says to a caller who passes it something it cannot use: the setting, and what it was given. */
class DreamNetBuilderMisuseTest {

    @TempDir
    Path dir;

    @Test
    void nullArgumentsAreRefusedNamingTheParameter() {
        // Each of these was a JDK NullPointerException naming an internal variable ("map", "application") or nothing.
        assertThatThrownBy(() -> DreamNet.builder().graph((Path) null)).hasMessage("graph file");
        assertThatThrownBy(() -> DreamNet.builder().services((ServiceSpec[]) null)).hasMessage("services");
        assertThatThrownBy(() -> DreamNet.builder().services(ServiceSpec.builder("a").kind("a").build(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("services[1]");
        assertThatThrownBy(() -> DreamNet.builder().resilience((ResilienceSettings) null)).hasMessage("resilience");
        assertThatThrownBy(() -> DreamNet.builder().resilience((Path) null)).hasMessage("resilience file");
        assertThatThrownBy(() -> DreamNet.builder().environment(null)).hasMessage("environment");
    }

    @Test
    void anEnvironmentWithANullValueIsRefusedNamingTheVariable() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DREAMNET_ADMIN_TOKENS", null);

        assertThatThrownBy(() -> DreamNet.builder().environment(environment))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DREAMNET_ADMIN_TOKENS=null");
    }

    @Test
    void aNullOrBlankKindIsRefusedInsteadOfRegisteringAFactoryNoServiceCanUse() {
        assertThatThrownBy(() -> DreamNet.builder().kind(null, spec -> () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("kind must name a kind of the graph's services, was null");
        assertThatThrownBy(() -> DreamNet.builder().kind(" ", spec -> () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was \" \"");
    }

    @Test
    void aDatabaseThatIsNotAJdbcUrlIsRefusedAtOnce() {
        // "nonsense" was taken, and DreamNet turned READY with an audit log and rollouts that could never be stored.
        assertThatThrownBy(() -> DreamNet.builder().database("nonsense"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JDBC URL").hasMessageContaining("\"nonsense\"");
        assertThatThrownBy(() -> DreamNet.builder().database(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeShutdownGraceIsRefusedAndZeroIsAllowed() {
        assertThatThrownBy(() -> DreamNet.builder().shutdownGrace(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("shutdownGrace must be >= 0, was PT-1S");
        assertThatCode(() -> DreamNet.builder().shutdownGrace(Duration.ZERO)).doesNotThrowAnyException();
    }

    @Test
    void gateIntervalsMustBePositive() {
        // A zero interval was taken here and refused only by the first health gate, after the graph had started.
        assertThatThrownBy(() -> DreamNet.builder().gateIntervals(Duration.ZERO, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("gateIntervals whileStarting must be > 0, was PT0S");
        assertThatThrownBy(() -> DreamNet.builder().gateIntervals(Duration.ofMillis(200), Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("gateIntervals whenReady must be > 0, was PT-5S");
    }

    @Test
    void aGraphOrResilienceFileThatIsMissingOrADirectoryIsRefusedNamingIt() {
        Path missing = dir.resolve("graph.json");
        assertThatThrownBy(() -> DreamNet.builder().graph(missing)).hasMessageContaining(missing.toString())
                .hasMessageContaining("cannot read file");
        assertThatThrownBy(() -> DreamNet.builder().resilience(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("cannot read file");
    }
}
