package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The starter's background preloader: Spring Boot finds it, and every class it lists exists. */
class DreamNetPreloaderTest {

    private final ClassLoader loader = DreamNetPreloaderTest.class.getClassLoader();

    @Test
    void springBootRunsItAmongItsBackgroundPreinitializers() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation(loader).load(BackgroundPreinitializer.class))
                .hasAtLeastOneElementOfType(DreamNetPreloader.class);
    }

    @Test
    void everyListedClassExistsSoARenameDoesNotLeaveTheListBehind() throws IOException {
        List<String> names = DreamNetPreloader.classes(loader);
        assertThat(names).as("the runtime and the starter's web layer are listed")
                .contains("dev.dreamnet.runtime.DreamNet", "dev.dreamnet.spring.autoconfigure.DreamNetFilter")
                .doesNotHaveDuplicates();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                missing.add(name);
            }
        }
        assertThat(missing).as("listed in %s but not found: run bench/preload-classes.sh", DreamNetPreloader.CLASSES)
                .isEmpty();
    }

    @Test
    void aListedClassIsNotInitialisedAndAMissingOneIsSkipped() {
        int loaded = DreamNetPreloader.preload(List.of("dev.dreamnet.NoSuchClass", NotInitialised.class.getName()),
                loader);
        assertThat(loaded).as("the class that exists").isEqualTo(1);
        assertThat(INITIALISED).as("its static initialiser has not run").isFalse();
    }

    @Test
    void theSystemPropertyTurnsItOff() throws Exception {
        String before = System.getProperty(DreamNetPreloader.SWITCH);
        System.setProperty(DreamNetPreloader.SWITCH, "false");
        try {
            assertThat(new DreamNetPreloader().run()).as("classes preloaded").isZero();
        } finally {
            if (before == null) {
                System.clearProperty(DreamNetPreloader.SWITCH);
            } else {
                System.setProperty(DreamNetPreloader.SWITCH, before);
            }
        }
        assertThat(new DreamNetPreloader().run()).isPositive();
    }

    @Test
    void aStarterSwitchedOffPreloadsNothing() throws Exception {
        prepare("false");
        try {
            assertThat(new DreamNetPreloader().run()).as("classes preloaded with dreamnet.enabled=false").isZero();
        } finally {
            prepare("true");
        }
        assertThat(new DreamNetPreloader().run()).as("classes preloaded with dreamnet.enabled=true").isPositive();
    }

    /** What Spring Boot does before it starts the preloading thread: the starter's defaults read the environment. */
    private static void prepare(String enabled) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("dreamnet.enabled", enabled)));
        new DreamNetDefaults().postProcessEnvironment(environment, new SpringApplication());
    }

    private static final AtomicBoolean INITIALISED = new AtomicBoolean();

    static final class NotInitialised {
        static {
            INITIALISED.set(true);
        }
    }
}
