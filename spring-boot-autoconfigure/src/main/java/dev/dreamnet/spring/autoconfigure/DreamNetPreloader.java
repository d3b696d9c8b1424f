package dev.dreamnet.spring.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Loads and links the classes the DreamNet bean and its web layer need, on Spring Boot's background pre-initialisation
 * thread, while the main thread is still reading the configuration: building the runtime is then mostly running it,
 * not reading some 270 classes out of the application's jar. No class is initialised here (no static initialiser
 * runs, so no two threads can wait on each other's), and a class this application lacks is skipped. Spring Boot runs
 * it only with more than one processor, and not with {@code -Dspring.backgroundpreinitializer.ignore=true};
 * {@code -D}{@value #SWITCH}{@code =false} turns this one off alone, and so does {@code dreamnet.enabled=false}
 * (which {@link DreamNetDefaults} reads from the prepared environment, on the same event and before Spring Boot starts
 * this thread: a starter that is switched off loads nothing). The list is {@value #CLASSES}, written by
 * {@code bench/preload-classes.sh}.
 */
final class DreamNetPreloader implements BackgroundPreinitializer {

    static final String CLASSES = "META-INF/dreamnet/preload-classes.txt";
    /** The system property that turns preloading off when {@code false}. */
    static final String SWITCH = "dreamnet.preload";

    /**
     * Whether the application being started has DreamNet on, as its environment said last. Static because Spring Boot
     * makes its background pre-initialisers itself, once for the JVM, with no access to the environment.
     */
    private static volatile boolean enabled = true;

    /** Records whether the application being started has DreamNet on ({@code dreamnet.enabled}). */
    static void dreamNetEnabled(boolean on) {
        enabled = on;
    }

    @Override
    public void preinitialize() throws IOException {
        run();
    }

    /**
     * Loads and links the listed classes, unless the system property says not to or DreamNet is off; returns how many
     * it loaded.
     */
    int run() throws IOException {
        if (!enabled || "false".equalsIgnoreCase(System.getProperty(SWITCH))) {
            return 0;
        }
        ClassLoader loader = DreamNetPreloader.class.getClassLoader();
        return preload(classes(loader), loader);
    }

    /** Loads and links each class of {@code names} that {@code loader} has; returns how many it had. */
    static int preload(List<String> names, ClassLoader loader) {
        int loaded = 0;
        for (String name : names) {
            try {
                // Reading a class's constructors links it (verifies it) without initialising it.
                Class.forName(name, false, loader).getDeclaredConstructors();
                loaded++;
            } catch (ClassNotFoundException | LinkageError absent) {
                // not on this application's class path (a servlet class in a reactive one): nothing to preload
            }
        }
        return loaded;
    }

    /** The class names listed in {@value #CLASSES}, in order. */
    static List<String> classes(ClassLoader loader) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(CLASSES)) {
            if (in == null) {
                return names;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
